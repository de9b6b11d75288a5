package gov.onceonly.hub.security;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypts personal payloads at rest (the form, the pulled fields, the item records) with AES-256-GCM. A sealed
 * payload is stored as the JSON {@code {"sealed":"v2:<key id>:<base64 of nonce and ciphertext>"}}, with its context
 * as associated data: the column and the row's key ({@code application_item.record|<application>:<item>}), so that
 * a payload copied into another row or column does not open. The key id lets the hub open what older keys sealed
 * while it seals with the active one (key rotation, docs/security.md). A payload that is not sealed (written before
 * encryption was on) is read as it is only where {@code allowPlaintext} says so.
 */
public final class PayloadCipher {

    private static final String SEALED = "{\"sealed\":\"v";
    private static final String VERSION = "2";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final boolean allowPlaintext;

    /** {@code keys}: key id to a 256-bit key; the active one seals, all of them open. Plaintext is refused. */
    public PayloadCipher(String activeKeyId, Map<String, byte[]> keys) {
        this(activeKeyId, keys, false);
    }

    /** {@code allowPlaintext}: read a payload that is not sealed as it is (a database from before encryption). */
    public PayloadCipher(String activeKeyId, Map<String, byte[]> keys, boolean allowPlaintext) {
        this.allowPlaintext = allowPlaintext;
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

    /** The stored form of a JSON payload in the given context ({@code <column>|<row key>}). */
    public String seal(String context, String json) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, context,
                json.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return SEALED + VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(stored) + "\"}";
    }

    /** The JSON payload of a value stored in the given context. */
    public String open(String context, String stored) {
        return open(context, stored, allowPlaintext);
    }

    /** As {@link #open(String, String)}, reading a clear value as it is: for resealing what was stored in clear. */
    public String openEvenIfClear(String context, String stored) {
        return open(context, stored, true);
    }

    private String open(String context, String stored, boolean clearAllowed) {
        if (stored == null) {
            return null;
        }
        if (!isSealed(stored)) {
            if (clearAllowed) {
                return stored;
            }
            throw new IllegalStateException(column(context) + " is not sealed: personal payloads are encrypted at rest, and a clear"
                    + " one was written behind the hub's back or before encryption (hub.encryption.allow-plaintext,"
                    + " docs/security.md)");
        }
        String body = compact(stored);
        String[] parts = body.substring(SEALED.length(), body.length() - 2).split(":", 3);
        // v1 bound the column only; v2 binds the row too.
        String aad = "1".equals(parts[0]) ? context.split("\\|", 2)[0] : context;
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException(column(context) + " was sealed with key '" + parts[1]
                    + "', which is not configured (hub.encryption.previous-keys): see docs/security.md, key rotation");
        }
        byte[] bytes = Base64.getDecoder().decode(parts[2]);
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, aad, ciphertext), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed (PostgreSQL's jsonb prints it with a space after the colon). */
    public static boolean isSealed(String stored) {
        String body = compact(stored);
        return body.startsWith(SEALED) && body.endsWith("\"}") && body.indexOf(':', SEALED.length()) > 0;
    }

    /** The id of the key a stored value was sealed with; null when it is not sealed. */
    public static String keyIdOf(String stored) {
        if (stored == null || !isSealed(stored)) {
            return null;
        }
        String body = compact(stored);
        return body.substring(SEALED.length(), body.length() - 2).split(":", 3)[1];
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /**
     * The column part of a context, for messages: its row key may be a subject's ID number or credit code (a
     * streamed dataset's record), which an error must not carry into a log or a response.
     */
    private static String column(String context) {
        return context.split("\\|", 2)[0];
    }

    private static String compact(String stored) {
        return stored.startsWith("{\"sealed\": ") ? "{\"sealed\":" + stored.substring(11) : stored;
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(column(context)
                    + ": the payload does not open with its key: it was altered, or the key"
                    + " is not the one it was sealed with", e);
        }
    }
}
