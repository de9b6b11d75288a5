package gov.onceonly.hub.evidence;

import java.time.Instant;

/**
 * A signed checkpoint: the chain's head hash at {@code seq}, signed with Ed25519 over the canonical encoding of
 * {@code onceonly-evidence-checkpoint-v1}, seq, head hash and signed-at (microseconds), see {@link #message}.
 */
public record Checkpoint(long seq, String headHash, Instant signedAt, String keyId, String publicKey, String signature) {

    static final String DOMAIN = "onceonly-evidence-checkpoint-v1";

    public static byte[] message(long seq, String headHash, Instant signedAt) {
        return Canonical.encode(DOMAIN, Long.toString(seq), headHash, Canonical.micros(signedAt));
    }

    public boolean signatureValid() {
        return EvidenceSigner.verify(publicKey, message(seq, headHash, signedAt), signature);
    }
}
