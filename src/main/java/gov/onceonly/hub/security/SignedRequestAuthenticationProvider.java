package gov.onceonly.hub.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import java.util.List;

/**
 * Spring Security's provider for the clients' signature: a {@link SignedRequest} (the key, the canonical string with
 * the key in it, the signature sent) becomes a {@link SignedClientAuthentication} when the key is registered and the
 * HMAC matches; otherwise the one answer for both, so that no response confirms which keys exist.
 */
public final class SignedRequestAuthenticationProvider implements AuthenticationProvider {

    /** What a signed request claims, before it is checked. */
    public static final class SignedRequest extends AbstractAuthenticationToken {
        private final String key;
        private final String canonical;
        private final String signature;

        public SignedRequest(String key, String canonical, String signature) {
            super(List.of());
            this.key = key;
            this.canonical = canonical;
            this.signature = signature;
        }

        @Override
        public Object getCredentials() {
            return signature;
        }

        @Override
        public Object getPrincipal() {
            return key;
        }
    }

    private final ClientRegistry clients;

    public SignedRequestAuthenticationProvider(ClientRegistry clients) {
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SignedRequest claimed = (SignedRequest) authentication;
        RegisteredClient client = clients.find(claimed.key).orElse(null);
        if (client == null || !RequestSignature.matches(client.secret(), claimed.canonical, claimed.signature)) {
            throw new BadCredentialsException("does not match a registered client's signature of this request");
        }
        return new SignedClientAuthentication(client);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SignedRequest.class.isAssignableFrom(authentication);
    }
}
