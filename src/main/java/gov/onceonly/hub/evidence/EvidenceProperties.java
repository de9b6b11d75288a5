package gov.onceonly.hub.evidence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The evidence ledger (hub.evidence.*, docs/security.md): every intake, pull, push and status report is a
 * hash-chained entry; the head is signed with Ed25519 every checkpoint-entries entries or
 * checkpoint-interval, whichever comes first. Where witnessed checkpoints are published is the witness
 * package's (hub.evidence.checkpoint-topic, .checkpoint-file, .witnesses.*).
 *
 * @param signingKey the checkpoint key: Ed25519, PKCS#8 DER in base64, from the environment
 *        (HUB_EVIDENCE_SIGNING_KEY); without one the hub signs with an ephemeral key and warns at startup
 * @param trustedPublicKeys earlier keys (comma-separated X.509 base64, or HUB_EVIDENCE_TRUSTED_PUBLIC_KEYS) whose
 *        checkpoints still verify after a rotation
 * @param keyStore or the checkpoint key from a keystore: a PKCS#12 file (keytool -keyalg Ed25519), or with
 *        key-store-type=PKCS11 the SunPKCS11 configuration of an HSM (an ECDSA P-256 key); HUB_EVIDENCE_KEY_STORE
 * @param keyStoreType PKCS12, or PKCS11 for an HSM
 * @param keyStorePasswordEnv the environment variable holding the keystore's password or PIN (never a file's value)
 * @param keyAlias the keystore's entry (HUB_EVIDENCE_KEY_ALIAS), optional with one entry
 * @param requireSigningKey refuse to start without a checkpoint key instead of signing with an ephemeral one
 * @param checkpointEntries a checkpoint is signed at least every this many entries
 * @param checkpointInterval a checkpoint is signed at least this often
 * @param checkpointPoll how often each instance checks whether a checkpoint is due (at most checkpoint-interval)
 * @param origin the ledger's name in its C2SP checkpoint notes, and the name of the key that signs them
 * @param chainPoll steps write their entries once, unchained; the chainer closes a block of what waits this often
 * @param chainBatch the most entries the chainer closes in one block
 */
@Validated
@ConfigurationProperties("hub.evidence")
public record EvidenceProperties(
        @DefaultValue("") String signingKey,
        @DefaultValue("") String trustedPublicKeys,
        @DefaultValue("") String keyStore,
        @DefaultValue("PKCS12") @NotBlank String keyStoreType,
        @DefaultValue("HUB_EVIDENCE_KEY_STORE_PASSWORD") @NotBlank String keyStorePasswordEnv,
        @DefaultValue("") String keyAlias,
        @DefaultValue("false") boolean requireSigningKey,
        @DefaultValue("1000") @Positive int checkpointEntries,
        @DefaultValue("60s") @DurationMin(millis = 1) Duration checkpointInterval,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration checkpointPoll,
        @DefaultValue("onceonly-hub/evidence") @Pattern(regexp = "[A-Za-z0-9._/:-]+", message = "must be letters, digits "
                + "and . _ / : - only (it names the checkpoint key in C2SP notes)") String origin,
        @DefaultValue("250ms") @DurationMin(millis = 1) Duration chainPoll,
        @DefaultValue("1000") @Positive int chainBatch) {
}
