package gov.onceonly.hub.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/**
 * A registered client whose signed request verified: its role is its one authority ({@code ROLE_CHANNEL} or
 * {@code ROLE_DEPARTMENT}), which the rules of {@code config/SecurityConfiguration} check, in one place.
 */
public final class SignedClientAuthentication extends AbstractAuthenticationToken {

    private final RegisteredClient client;

    public SignedClientAuthentication(RegisteredClient client) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + client.role().name())));
        this.client = client;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public RegisteredClient getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return client.key();
    }
}
