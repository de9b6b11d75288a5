package gov.onceonly.hub.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench's identity provider: ES256 tokens for the generated applicants, its key published as JWKS on loopback
 * (the hub verifies against it, as in production), and the same check done by hand for the hand-written program.
 */
final class BenchIdentity {

    static final String ISSUER = "bench-idp";
    private static final Pattern ID_NUMBER = Pattern.compile("\"idNumber\":\"([0-9X]{18})\"");
    private static final BenchIdentity INSTANCE = new BenchIdentity();

    private final ECDSASigner signer;
    private final ECKey publicJwk;
    private final int port;

    private BenchIdentity() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            signer = new ECDSASigner((ECPrivateKey) pair.getPrivate());
            publicJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).keyID("bench")
                    .algorithm(JWSAlgorithm.ES256).build();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            byte[] jwks = new JWKSet(publicJwk).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            port = server.getAddress().getPort();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BenchIdentity get() {
        return INSTANCE;
    }

    String jwksUri() {
        return "http://127.0.0.1:" + port + "/jwks.json";
    }

    /** The token of the applicant named in an application body; null if it names none. */
    String tokenForApplicant(String body) {
        Matcher id = ID_NUMBER.matcher(body);
        if (!id.find()) {
            return null;
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench").build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject(id.group(1)).audience("onceonly-hub")
                        .expirationTime(Date.from(Instant.now().plusSeconds(900))).build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * What the hand-written program checks, in its own JVM: the signature with the key it fetched from the JWKS once
     * (as the hub caches it), the issuer, the expiry, and whose token it is.
     */
    static final class Check {
        private final JWSVerifier verifier;

        private Check(JWSVerifier verifier) {
            this.verifier = verifier;
        }

        static Check fetch(String jwksUri) {
            try {
                ECKey key = JWKSet.load(java.net.URI.create(jwksUri).toURL()).getKeys().get(0).toECKey();
                return new Check(new ECDSAVerifier(key));
            } catch (IOException | ParseException | JOSEException e) {
                throw new IllegalStateException("cannot load the bench's identity keys from " + jwksUri, e);
            }
        }

        boolean proves(String token, String idNumber) {
            try {
                SignedJWT jwt = SignedJWT.parse(token);
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                return jwt.verify(verifier) && ISSUER.equals(claims.getIssuer()) && idNumber.equals(claims.getSubject())
                        && claims.getExpirationTime().toInstant().isAfter(Instant.now());
            } catch (ParseException | JOSEException | RuntimeException e) {
                return false;
            }
        }
    }
}
