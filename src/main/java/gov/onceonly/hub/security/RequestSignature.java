package gov.onceonly.hub.security;

import gov.onceonly.hub.evidence.Sha256;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The signature of a registered client's call to the hub: HMAC-SHA256, under the client's secret, of
 * <pre>key \n METHOD \n path?query \n timestamp \n nonce \n hex(SHA-256(body))</pre>
 * sent base64-encoded in {@code X-Hub-Signature} with {@code X-Hub-Key}, {@code X-Hub-Timestamp} (Unix seconds)
 * and {@code X-Hub-Nonce}. The key is part of what is signed, so a signature cannot be passed off under another key.
 * {@code scripts/hubcurl} is the shell version. (The hub's own calls to departments are signed otherwise:
 * {@link DepartmentCallSigner}.)
 */
public final class RequestSignature {

    public static final String KEY = "X-Hub-Key";
    public static final String TIMESTAMP = "X-Hub-Timestamp";
    public static final String NONCE = "X-Hub-Nonce";
    public static final String SIGNATURE = "X-Hub-Signature";

    private RequestSignature() {
    }

    public static String canonical(String key, String method, String pathAndQuery, String timestamp, String nonce,
                                   byte[] body) {
        return key + "\n" + method.toUpperCase() + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
                + sha256Hex(body);
    }

    public static String sign(byte[] secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant time, so that the comparison tells an attacker nothing about how close a guess was. */
    public static boolean matches(byte[] secret, String canonical, String signature) {
        byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        return signature != null && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(byte[] body) {
        return Sha256.hex(body);
    }
}
