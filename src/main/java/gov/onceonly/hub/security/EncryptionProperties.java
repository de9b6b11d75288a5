package gov.onceonly.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Personal payloads (form, materials, pulled fields, item records) are sealed at rest with AES-256-GCM
 * (hub.encryption.*, EncryptionKeys, docs/security.md).
 *
 * @param key the active key: 32 bytes in base64, from the environment (HUB_ENCRYPTION_KEY); the hub does not start
 *        without one
 * @param keyId the active key's name, stored with every payload it seals
 * @param previousKeys keys retired by a rotation that still open what they sealed: id:base64,id:base64
 *        (HUB_ENCRYPTION_PREVIOUS_KEYS)
 * @param allowPlaintext read payloads found in clear (a database from before encryption, until it is resealed);
 *        refused outside the sandbox
 */
@Validated
@ConfigurationProperties("hub.encryption")
public record EncryptionProperties(
        @DefaultValue("") String key,
        @DefaultValue("k1") String keyId,
        @DefaultValue("") String previousKeys,
        @DefaultValue("false") boolean allowPlaintext) {
}
