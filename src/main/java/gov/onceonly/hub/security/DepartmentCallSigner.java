package gov.onceonly.hub.security;

import gov.onceonly.hub.evidence.Ed25519Keys;
import gov.onceonly.hub.evidence.Ed25519SigningKey;
import org.apache.camel.Exchange;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs the hub's own http calls to department systems with RFC 9421 HTTP Message Signatures and Ed25519, so that a
 * department can tell the hub from an impostor with the hub's public key alone (published as JWKS at
 * {@code /.well-known/jwks.json}): no department holds anything that lets it sign as the hub to another. The
 * signature covers the method, the whole target URI and, with a body, its Content-Digest (RFC 9530), with its
 * creation time and a nonce ({@link HubCallVerifier} checks them). Runs in the http route templates just before the
 * call; the template names the department's address in the {@code hubEndpoint} property.
 */
public final class DepartmentCallSigner {

    public static final String ENDPOINT = "hubEndpoint";
    /** The label of the hub's signature in Signature-Input and Signature. */
    public static final String LABEL = "hub";

    private final String keyId;
    private final Ed25519SigningKey key;
    private final PublicKey publicKey;
    private final Map<String, Object> jwks;
    private final Clock clock;

    public DepartmentCallSigner(String keyId, PrivateKey key, Clock clock) {
        this.keyId = keyId;
        this.key = new Ed25519SigningKey(key);
        this.clock = clock;
        byte[] raw = Ed25519Keys.publicKeyOf(key);
        try {
            this.publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(Ed25519Keys.x509Base64(raw))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // RFC 8037: an OKP key, the raw public key in base64url.
        this.jwks = Map.of("keys", List.of(Map.of("kty", "OKP", "crv", "Ed25519", "kid", keyId, "use", "sig",
                "alg", "EdDSA", "x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw))));
    }

    public String keyId() {
        return keyId;
    }

    /** The public half, as departments verify with it. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The JWKS the hub publishes. */
    public Map<String, Object> jwks() {
        return jwks;
    }

    /**
     * What a hub call's signature covers, in order, for a call with this method, target URI and body: the signer
     * and {@link HubCallVerifier} build the signature base from it alike.
     */
    static Map<String, String> covered(String method, String targetUri, byte[] body) {
        Map<String, String> covered = new LinkedHashMap<>();
        covered.put("@method", method);
        covered.put("@target-uri", targetUri);
        if (body != null && body.length > 0) {
            covered.put("content-digest", HttpMessageSignatures.contentDigest(body));
        }
        return covered;
    }

    /**
     * The body as bytes. The pipeline's bodies are text or bytes; only another type asks Camel's converters, whose
     * lookup of a pair they have not seen was a tenth of the hub's CPU when every call asked (docs/benchmarks.md).
     */
    private static byte[] bytes(Object body) {
        if (body == null || body instanceof byte[]) {
            return (byte[]) body;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    public void sign(Exchange exchange) {
        URI endpoint = URI.create(exchange.getProperty(ENDPOINT, String.class));
        String extra = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        String target = endpoint.getScheme() + "://" + endpoint.getRawAuthority() + endpoint.getRawPath()
                + (extra == null ? "" : extra) + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
        byte[] body = bytes(exchange.getMessage().getBody());
        if (body == null && exchange.getMessage().getBody() != null) {
            body = exchange.getMessage().getBody(byte[].class);
        }
        if (body != null) {
            exchange.getMessage().setBody(body); // the bytes signed are the bytes sent
        }
        Map<String, String> covered = covered(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "POST", String.class),
                target, body);
        if (covered.containsKey("content-digest")) {
            exchange.getMessage().setHeader(HttpMessageSignatures.CONTENT_DIGEST, covered.get("content-digest"));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("created", clock.instant().getEpochSecond());
        parameters.put("nonce", UUID.randomUUID().toString());
        parameters.put("keyid", keyId);
        parameters.put("alg", "ed25519");
        String params = HttpMessageSignatures.signatureParams(List.copyOf(covered.keySet()), parameters);
        byte[] signature = HttpMessageSignatures.sign(key, HttpMessageSignatures.base(covered, params));
        exchange.getMessage().setHeader(HttpMessageSignatures.SIGNATURE_INPUT, LABEL + "=" + params);
        exchange.getMessage().setHeader(HttpMessageSignatures.SIGNATURE, HttpMessageSignatures.signatureHeader(LABEL, signature));
    }
}
