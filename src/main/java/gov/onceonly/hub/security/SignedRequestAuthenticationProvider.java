package gov.onceonly.hub.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import java.util.List;

/**
 * Spring Security's provider for the clients' signature: a {@link SignedRequest} (the key, the canonical string with
 * the key in it, the signature sent, the TLS client certificate presented) becomes a {@link SignedClientAuthentication}
 * when the key is registered, the HMAC matches and, for a client bound to a certificate, the connection presented
 * that one; otherwise the one answer for an unknown key and a wrong signature, so that no response confirms which
 * keys exist.
 */
public final class SignedRequestAuthenticationProvider implements AuthenticationProvider {

    /** What a signed request claims, before it is checked. */
    public static final class SignedRequest extends AbstractAuthenticationToken {
        private final String key;
        private final String canonical;
        private final String signature;
        private final String certificateSha256;

        /** {@code certificateSha256}: the TLS client certificate the connection presented (hex SHA-256), or null. */
        public SignedRequest(String key, String canonical, String signature, String certificateSha256) {
            super(List.of());
            this.key = key;
            this.canonical = canonical;
            this.signature = signature;
            this.certificateSha256 = certificateSha256;
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
        // A pinned client is its certificate and its secret together: a stolen secret alone is not enough.
        if (client.certificateSha256() != null && !client.certificateSha256().equals(claimed.certificateSha256)) {
            throw new BadCredentialsException("belongs to a client bound to its TLS client certificate (hub.clients."
                    + client.key() + ".certificate-sha256), and this connection presented "
                    + (claimed.certificateSha256 == null ? "none" : "another one"));
        }
        return new SignedClientAuthentication(client);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SignedRequest.class.isAssignableFrom(authentication);
    }
}
