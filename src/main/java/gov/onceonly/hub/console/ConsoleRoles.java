package gov.onceonly.hub.console;

import gov.onceonly.hub.security.OperatorAccount;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Whether the person at the console may act (replay) or only read: the button is shown to those the security chain
 * lets through, so that a viewer is not offered what would be refused.
 */
public final class ConsoleRoles {

    private static final String OPERATOR = "ROLE_" + OperatorAccount.Role.OPERATOR.name();

    private final RoleHierarchy hierarchy;

    public ConsoleRoles(RoleHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    public boolean mayAct(Authentication who) {
        return who != null && hierarchy.getReachableGrantedAuthorities(who.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch(OPERATOR::equals);
    }
}
