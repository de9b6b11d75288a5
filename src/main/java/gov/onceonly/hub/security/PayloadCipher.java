package gov.onceonly.hub.security;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypts personal payloads at rest (the form, the pulled fields, the item records) with AES-256-GCM. A sealed
 * payload is stored as the JSON {@code {"sealed":"v1:<key id>:<base64 of nonce and ciphertext>"}}, with the column's
 * name as associated data, so that a payload copied into another column does not open. The key id lets the hub
 * open what older keys sealed while it seals with the active one (key rotation, docs/security.md). A payload that
 * is not sealed (written before encryption was on) is read as it is.
 */
public final class PayloadCipher {

    private static final String PREFIX = "{\"sealed\":\"v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;

    /** {@code keys}: key id to a 256-bit key; the active one seals, all of them open. */
    public PayloadCipher(String activeKeyId, Map<String, byte[]> keys) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("no key with the active key id '" + activeKeyId + "'");
        }
        this.activeKeyId = activeKeyId;
        this.keys = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("key '" + id + "' has " + key.length * 8 + " bits; AES-256 needs 256");
            }
            if (!id.matches("[A-Za-z0-9_.-]{1,32}")) {
                throw new IllegalArgumentException("key id '" + id + "' must be 1 to 32 of A-Z a-z 0-9 _ . -");
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
    }

    /** The stored form of a JSON payload of the given column. */
    public String seal(String column, String json) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, column,
                json.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(stored) + "\"}";
    }

    /** The JSON payload of a stored value of the given column; a value that is not sealed is returned as it is. */
    public String open(String column, String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        String body = compact(stored);
        String[] parts = body.substring(PREFIX.length(), body.length() - 2).split(":", 2);
        SecretKeySpec key = keys.get(parts[0]);
        if (key == null) {
            throw new IllegalStateException(column + " was sealed with key '" + parts[0]
                    + "', which is not configured (hub.encryption.previous-keys): see docs/security.md, key rotation");
        }
        byte[] bytes = Base64.getDecoder().decode(parts[1]);
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, column, ciphertext), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed (PostgreSQL's jsonb prints it with a space after the colon). */
    public static boolean isSealed(String stored) {
        return compact(stored).startsWith(PREFIX);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    private static String compact(String stored) {
        return stored.startsWith("{\"sealed\": ") ? "{\"sealed\":" + stored.substring(11) : stored;
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String column, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(column + ": the payload does not open with its key: it was altered, or the key"
                    + " is not the one it was sealed with", e);
        }
    }
}
