package gov.onceonly.hub.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
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

    private static final String SEALED = "sealed";
    private static final String VERSION = "2";
    private static final ObjectMapper JSON = new ObjectMapper();
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
        return JSON.createObjectNode()
                .put(SEALED, "v" + VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(stored))
                .toString();
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
        String sealed = sealedValue(stored);
        if (sealed == null) {
            if (clearAllowed) {
                return stored;
            }
            throw new IllegalStateException(column(context) + " is not sealed: personal payloads are encrypted at rest, and a clear"
                    + " one was written behind the hub's back or before encryption (hub.encryption.allow-plaintext,"
                    + " docs/security.md)");
        }
        String[] parts = sealed.substring(1).split(":", 3);
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

    /** Whether a stored value is sealed (as written, or as PostgreSQL's jsonb prints it). */
    public static boolean isSealed(String stored) {
        return sealedValue(stored) != null;
    }

    /** The id of the key a stored value was sealed with; null when it is not sealed. */
    public static String keyIdOf(String stored) {
        String sealed = sealedValue(stored);
        return sealed == null ? null : sealed.split(":", 3)[1];
    }

    /**
     * {@code v<version>:<key id>:<base64>} when the stored value is a sealed payload, the JSON object
     * {@code {"sealed": "..."}} and nothing else; null otherwise. Read by Jackson's streaming parser, which stops at the
     * first token that does not fit, so a clear payload is not parsed whole.
     */
    private static String sealedValue(String stored) {
        if (stored == null || stored.isEmpty() || stored.charAt(0) != '{') {
            return null;
        }
        try (JsonParser parser = JSON.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !SEALED.equals(parser.currentName()) || parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            String value = parser.getText();
            boolean alone = parser.nextToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
            int keyEnd = value.indexOf(':', value.indexOf(':') + 1);
            return alone && value.startsWith("v") && value.indexOf(':') > 1 && keyEnd > 0 ? value : null;
        } catch (IOException e) {
            return null;
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /**
     * How every value {@link #seal} writes now begins ({@code {"sealed":"v2:<active key id>:}), for SQL to find the
     * values of a text column it has not sealed.
     */
    public String sealedPrefix() {
        String sealed = JSON.createObjectNode().put(SEALED, "v" + VERSION + ":" + activeKeyId + ":").toString();
        return sealed.substring(0, sealed.length() - "\"}".length());
    }

    /**
     * The column part of a context, for messages: its row key may be a subject's ID number or credit code (a
     * streamed dataset's record), which an error must not carry into a log or a response.
     */
    private static String column(String context) {
        return context.split("\\|", 2)[0];
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
