package gov.onceonly.hub.security;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of {@link PayloadCipher}, from configuration: {@code hub.encryption.key} (the active key, 32 bytes in
 * base64, e.g. from HUB_ENCRYPTION_KEY), {@code hub.encryption.key-id} (its name, stored with every payload) and
 * {@code hub.encryption.previous-keys} ({@code id:base64,id:base64}, keys retired by a rotation that still open what
 * they sealed). A hub without a key does not start: it would store personal data in clear. A payload found in clear
 * is refused unless {@code hub.encryption.allow-plaintext} (a database from before encryption, until it is resealed).
 */
public final class EncryptionKeys {

    private EncryptionKeys() {
    }

    public static PayloadCipher from(EncryptionProperties encryption) {
        String active = nullToEmpty(encryption.key()).trim();
        if (active.isEmpty()) {
            throw new IllegalStateException("hub.encryption.key is not set: the hub encrypts personal payloads at rest"
                    + " and needs a 256-bit key in base64 (HUB_ENCRYPTION_KEY; make one with `openssl rand -base64 32`),"
                    + " see docs/security.md");
        }
        String activeId = (encryption.keyId() == null ? "k1" : encryption.keyId()).trim();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(activeId, decode("hub.encryption.key", active));
        String previous = nullToEmpty(encryption.previousKeys()).trim();
        if (!previous.isEmpty()) {
            for (String entry : previous.split(",")) {
                String[] parts = entry.trim().split(":", 2);
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalStateException("hub.encryption.previous-keys: '" + parts[0]
                            + "…' is not <key id>:<base64 key>");
                }
                if (keys.putIfAbsent(parts[0].trim(), decode("hub.encryption.previous-keys." + parts[0].trim(),
                        parts[1].trim())) != null) {
                    throw new IllegalStateException("hub.encryption.previous-keys: key id '" + parts[0].trim()
                            + "' is used twice");
                }
            }
        }
        try {
            return new PayloadCipher(activeId, keys, encryption.allowPlaintext());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hub.encryption: " + e.getMessage(), e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static byte[] decode(String property, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64: " + e.getMessage());
        }
    }
}
