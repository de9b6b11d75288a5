package gov.onceonly.hub.evidence;

import java.util.List;
import java.util.UUID;

/**
 * What the hub attests about one application: its ledger entries (each with every field its hash covers, the time
 * also as microseconds), the Merkle root over their hashes, and the latest signed checkpoint once one covers them
 * all (null until then: checkpoints follow within {@code hub.evidence.checkpoint-interval}).
 */
public record Receipt(UUID applicationId, List<Entry> entries, String merkleRoot, Checkpoint checkpoint,
                      String verification) {

    static final String HOW = "Each entry's entryHash is SHA-256 over its canonical encoding (docs/security.md, "
            + "'Evidence ledger'); merkleRoot is over the entries' hashes in order; the checkpoint's signature is "
            + "Ed25519 by publicKey over its canonical encoding, and its headHash is the ledger's hash at its seq, "
            + "which follows these entries.";

    /** One entry as the receipt shows it. */
    public record Entry(long seq, String recordedAt, long recordedAtMicros, EvidenceKind kind, UUID applicationId,
                        String item, String party, String payloadSha256, String detail, String prevHash, String entryHash) {

        static Entry of(LedgerEntry e) {
            return new Entry(e.seq(), e.recordedAt().toString(), Long.parseLong(Canonical.micros(e.recordedAt())),
                    e.kind(), e.applicationId(), e.item(), e.party(), e.payloadSha256(), e.detail(), e.prevHash(),
                    e.entryHash());
        }
    }
}
