package gov.onceonly.hub.security;

import gov.onceonly.hub.evidence.Ed25519SigningKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9421's own Ed25519 example (appendix B.2.6, key B.1.4) and RFC 9530's digest. */
class HttpMessageSignaturesTest {

    static final String RFC_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
    static final String RFC_PUBLIC_KEY = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
    static final String RFC_SIGNATURE = "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";
    static final String RFC_BASE = """
            "date": Tue, 20 Apr 2021 02:07:55 GMT
            "@method": POST
            "@path": /foo
            "@authority": example.com
            "content-type": application/json
            "content-length": 18
            "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");\
            created=1618884473;keyid="test-key-ed25519\"""";

    @Test
    void theBaseAndSignatureOfAppendixB26() throws Exception {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("date", "Tue, 20 Apr 2021 02:07:55 GMT");
        components.put("@method", "POST");
        components.put("@path", "/foo");
        components.put("@authority", "example.com");
        components.put("content-type", "application/json");
        components.put("content-length", "18");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("created", 1618884473L);
        parameters.put("keyid", "test-key-ed25519");
        String params = HttpMessageSignatures.signatureParams(List.copyOf(components.keySet()), parameters);

        String base = HttpMessageSignatures.base(components, params);

        assertThat(base).isEqualTo(RFC_BASE);
        byte[] signature = HttpMessageSignatures.sign(new Ed25519SigningKey(privateKey()), base);
        assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo(RFC_SIGNATURE);
        assertThat(HttpMessageSignatures.verify(publicKey(), base, signature)).isTrue();
        assertThat(HttpMessageSignatures.verify(publicKey(), base.replace("POST", "GET"), signature)).isFalse();
    }

    @Test
    void theSignatureInputOfAppendixB26ParsesBackToItsParts() {
        var input = HttpMessageSignatures.parseInput("sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" "
                + "\"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"").orElseThrow();

        assertThat(input.label()).isEqualTo("sig-b26");
        assertThat(input.components()).containsExactly("date", "@method", "@path", "@authority", "content-type",
                "content-length");
        assertThat(input.parameters()).containsExactly(Map.entry("created", "1618884473"),
                Map.entry("keyid", "test-key-ed25519"));
        assertThat(RFC_BASE).endsWith(input.serialized());
        assertThat(HttpMessageSignatures.parseSignature("sig-b26=:" + RFC_SIGNATURE + ":", "sig-b26"))
                .hasValueSatisfying(bytes -> assertThat(Base64.getEncoder().encodeToString(bytes)).isEqualTo(RFC_SIGNATURE));
        assertThat(HttpMessageSignatures.parseSignature("other=:" + RFC_SIGNATURE + ":", "sig-b26")).isEmpty();
        assertThat(HttpMessageSignatures.parseInput("sig=(\"@method\");created=1;evil")).isEmpty();
    }

    @Test
    void contentDigestIsRfc9530Sha256() {
        // RFC 9530 appendix B.1: {"hello": "world"} with sha-256.
        assertThat(HttpMessageSignatures.contentDigest("{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
    }

    static PrivateKey privateKey() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(RFC_PRIVATE_KEY)));
    }

    static PublicKey publicKey() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(RFC_PUBLIC_KEY)));
    }
}
