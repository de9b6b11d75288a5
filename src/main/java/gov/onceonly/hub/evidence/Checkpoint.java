package gov.onceonly.hub.evidence;

import java.time.Instant;

/**
 * A signed checkpoint of the ledger at {@code seq} entries. Since V21 it is a signed tree head: {@code rootHash} is
 * the RFC 9162 Merkle root of the first {@code seq} entries and {@code note} the C2SP checkpoint note that the
 * signature covers ({@link CheckpointNote}); {@code headHash}, the chain's hash at {@code seq}, is kept beside it.
 * A checkpoint from before V21 has neither, and its signature is Ed25519 over the canonical encoding of
 * {@code onceonly-evidence-checkpoint-v1}, seq, head hash and signed-at (microseconds), see {@link #message}.
 */
public record Checkpoint(long seq, String headHash, Instant signedAt, String keyId, String publicKey, String signature,
                         String rootHash, String note) {

    static final String DOMAIN = "onceonly-evidence-checkpoint-v1";

    /** A checkpoint from before V21: the chain's head only. */
    public Checkpoint(long seq, String headHash, Instant signedAt, String keyId, String publicKey, String signature) {
        this(seq, headHash, signedAt, keyId, publicKey, signature, null, null);
    }

    public static byte[] message(long seq, String headHash, Instant signedAt) {
        return Canonical.encode(DOMAIN, Long.toString(seq), headHash, Canonical.micros(signedAt));
    }

    /** Whether this is a signed tree head (V21 on) rather than a signed chain head. */
    public boolean isTreeHead() {
        return note != null;
    }

    /** The note's origin, which is also the name of the key that signs it. */
    public String origin() {
        return note == null ? null : CheckpointNote.originOf(note);
    }

    public boolean signatureValid() {
        if (note == null) {
            return EvidenceSigner.verify(publicKey, message(seq, headHash, signedAt), signature);
        }
        try {
            return CheckpointNote.open(note, origin(), publicKey)
                    .filter(n -> n.size() == seq && Sha256.toHex(n.rootHash()).equals(rootHash))
                    .isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
