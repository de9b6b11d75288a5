package gov.onceonly.hub.security;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The people and tools who log in (form or HTTP Basic), each with one role: a {@code viewer} reads metrics and
 * health details (Prometheus scrapes as one), an {@code operator} also uses the ops endpoints, Hawtio and Jolokia,
 * an {@code admin} may do all of it. The operator of {@code hub.security.operator.*} ({@code HUB_OPERATOR_PASSWORD})
 * is an admin; {@code hub.security.accounts.<name>.password|role} add others. A password without an {@code {id}}
 * prefix is hashed with bcrypt at startup, so the clear text is never kept; {@code {bcrypt}$2a$...} is used as it is.
 */
public final class OperatorAccount {

    /** The roles, each including the ones before it. */
    public enum Role { VIEWER, OPERATOR, ADMIN }

    private OperatorAccount() {
    }

    public static List<UserDetails> all(SecurityProperties security, PasswordEncoder encoder) {
        List<UserDetails> accounts = new ArrayList<>();
        accounts.add(of(security.operator().username(), security.operator().password(), Role.ADMIN, encoder));
        security.accounts().forEach((name, account) -> {
            Role role;
            try {
                role = Role.valueOf(String.valueOf(account.role()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hub.security.accounts." + name + ".role must be viewer, operator or "
                        + "admin, not " + account.role());
            }
            if (account.password() == null || account.password().isBlank()) {
                throw new IllegalStateException("hub.security.accounts." + name + ".password is empty: set it from the"
                        + " environment (clear text, or {bcrypt}<hash>)");
            }
            accounts.add(of(name, account.password(), role, encoder));
        });
        return accounts;
    }

    static UserDetails of(String username, String password, Role role, PasswordEncoder encoder) {
        if (username == null || username.isBlank()) {
            throw new IllegalStateException("hub.security.operator.username is empty: the operator needs a name");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("hub.security.operator.password is empty: set HUB_OPERATOR_PASSWORD "
                    + "(clear text, or {bcrypt}<hash>) so that the ops endpoints, Hawtio and Jolokia can be reached");
        }
        String stored = password.startsWith("{") ? password : encoder.encode(password);
        return User.withUsername(username).password(stored).roles(role.name()).build();
    }

    /** An admin is an operator, an operator a viewer: each check names the least role it needs. */
    public static RoleHierarchy hierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.OPERATOR.name())
                .role(Role.OPERATOR.name()).implies(Role.VIEWER.name())
                .build();
    }

    public static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
