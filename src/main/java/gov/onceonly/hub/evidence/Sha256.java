package gov.onceonly.hub.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 with lower-case hex, the form every hash of the ledger is written in. */
public final class Sha256 {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private Sha256() {
    }

    public static byte[] digest(byte[]... parts) {
        MessageDigest sha = newDigest();
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    public static String hex(byte[] payload) {
        return HexFormat.of().formatHex(digest(payload == null ? new byte[0] : payload));
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static String toHex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
