package gov.onceonly.hub.identity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.function.Supplier;

/**
 * An applicant's identity, proven by a token of the identity provider, not asserted by the channel: a signed JWT
 * (OIDC style) whose subject is the person's ID number, for this hub (audience), not expired, from the configured
 * issuer, verified against the provider's published keys ({@code hub.identity.jwks-uri}), fetched when first needed
 * and cached, as Spring Security's Nimbus decoder does.
 */
public final class IdentityTokens {

    /** A verified token: whose identity it is. */
    public record Verified(String subject) {
    }

    /** A token that does not prove anything (forged, expired, for another audience or issuer, unreadable). */
    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason);
        }
    }

    /** The identity provider could not be asked (its keys did not load): nothing is known either way. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final Supplier<IdentityProperties> settings;
    /**
     * Signatures checked with Bouncy Castle's code: JDK 17's ECDSA P-256 verification takes about three times as long,
     * and every application's token is checked (docs/benchmarks.md). The provider is the verifier's own, not
     * registered with the JDK.
     */
    private static final DefaultJWSVerifierFactory BOUNCY_CASTLE_VERIFIERS = new DefaultJWSVerifierFactory();

    static {
        BOUNCY_CASTLE_VERIFIERS.getJCAContext().setProvider(new BouncyCastleProvider());
    }

    private volatile JwtDecoder decoder;

    /** {@code settings} is asked once, at the first verification (see {@link #decoder}). */
    public IdentityTokens(Supplier<IdentityProperties> settings) {
        this.settings = settings;
    }

    public Verified verify(String token) throws Rejected {
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (JwtException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof KeySourceException) {
                    throw new Unavailable("the identity provider's keys could not be fetched", e);
                }
            }
            throw new Rejected(e.getMessage());
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new Rejected("the token names no subject");
        }
        return new Verified(jwt.getSubject());
    }

    /** Built at first use: the sandbox's provider has its address only once the sandbox runs. */
    private JwtDecoder decoder() {
        JwtDecoder built = decoder;
        if (built == null) {
            synchronized (this) {
                if (decoder == null) {
                    IdentityProperties identity = settings.get();
                    String audience = identity.audience();
                    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(required("hub.identity.jwks-uri", identity.jwksUri()))
                            .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256)
                            .jwtProcessorCustomizer(processor -> processor.setJWSVerifierFactory(BOUNCY_CASTLE_VERIFIERS))
                            .build();
                    nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                            JwtValidators.createDefaultWithIssuer(required("hub.identity.issuer", identity.issuer())),
                            jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                                    ? OAuth2TokenValidatorResult.success()
                                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                            "the token is not for audience " + audience, null))));
                    decoder = nimbus;
                }
                built = decoder;
            }
        }
        return built;
    }

    private static String required(String property, String value) {
        if (value == null) {
            throw new IllegalStateException(property + " is not set");
        }
        return value;
    }
}
