package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import gov.onceonly.hub.subject.CitizenIdNumber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's identity provider: a real token issuer with its own key, as a citizen's login service would be. It
 * signs RS256 JWTs (subject: the ID number, audience: the hub, 15 minutes) and publishes its key as JWKS, which the
 * hub verifies against. Being the sandbox's, it vouches for any well-formed ID number (the sandbox has only synthetic
 * people) at {@code POST /sandbox/idp/token}; {@code scripts/hubcurl} and the tests ask it.
 */
public final class SandboxIdentityProvider {

    /** The issuer every sandbox hub trusts (application-sandbox.properties), whatever its port. */
    public static final String ISSUER = "https://idp.sandbox.onceonly.example";
    static final String PATH = "/sandbox/idp/";
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final RSASSASigner signer;
    private final RSAKey publicKey;
    private final String audience;

    SandboxIdentityProvider(String pkcs8Base64, String audience) {
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64.strip())));
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            this.publicKey = new RSAKey.Builder(pub).keyID("sandbox-idp").keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
            this.signer = new RSASSASigner(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("hub.sandbox.identity-provider.signing-key is not an RSA key in PKCS#8: "
                    + e.getMessage(), e);
        }
        this.audience = audience;
    }

    /** A fresh token for this person, as their login would give the channel. */
    public String tokenFor(String idNumber) {
        if (!CitizenIdNumber.isValid(idNumber)) {
            throw new IllegalArgumentException("not a valid ID number");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(idNumber).audience(audience)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(LIFETIME))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(publicKey.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    void serve(SandboxHttpServer http, ObjectMapper json) {
        http.addContext(PATH + "jwks.json", exchange -> SandboxHttpServer.respond(exchange, 200,
                new JWKSet(publicKey).toString().getBytes(StandardCharsets.UTF_8)));
        http.addContext(PATH + "token", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                SandboxHttpServer.error(exchange, 405, "POST {\"idNumber\":...}");
                return;
            }
            try {
                String idNumber = String.valueOf(json.readValue(exchange.getRequestBody(), Map.class).get("idNumber"));
                SandboxHttpServer.respond(exchange, 200, json.writeValueAsBytes(Map.of("token", tokenFor(idNumber),
                        "expiresIn", LIFETIME.toSeconds())));
            } catch (IOException | IllegalArgumentException e) {
                SandboxHttpServer.error(exchange, 400, "idNumber must be a valid ID number");
            }
        });
    }
}
