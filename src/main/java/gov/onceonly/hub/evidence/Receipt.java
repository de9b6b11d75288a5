package gov.onceonly.hub.evidence;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What the hub attests about one application, checkable offline with the checkpoint key alone
 * ({@code java -jar hub.jar verify-receipt}, {@code scripts/verify-receipt.py}): its ledger entries, each with every
 * field its hash covers and an RFC 9162 inclusion proof into the tree the checkpoint signed, and that checkpoint as a
 * signed C2SP note. docs/security.md ("Evidence ledger") specifies every step.
 */
public record Receipt(UUID applicationId, List<Entry> entries, TreeHead checkpoint, String verification) {

    static final String HOW = "For each entry: entryHash = SHA-256 of its canonical encoding (docs/security.md, "
            + "'Evidence ledger'); leaf hash = SHA-256(0x00 || entryHash); the inclusionProof (RFC 9162) leads from "
            + "leafIndex to the checkpoint's rootHash in a tree of treeSize leaves. The checkpoint's note is a C2SP "
            + "signed note: Ed25519 (or, for a key in an HSM, ECDSA P-256) by publicKey over its body, which states the "
            + "origin, treeSize and rootHash.";

    /** One entry as the receipt shows it, and where it is in the ledger's tree. */
    public record Entry(long seq, String recordedAt, long recordedAtMicros, EvidenceKind kind, UUID applicationId,
                        String item, String party, String payloadSha256, String detail, String prevHash, String entryHash,
                        long leafIndex, List<String> inclusionProof) {

        static Entry of(LedgerEntry e, List<byte[]> proof) {
            return new Entry(e.seq(), e.recordedAt().toString(), Long.parseLong(Canonical.micros(e.recordedAt())),
                    e.kind(), e.applicationId(), e.item(), e.party(), e.payloadSha256(), e.detail(), e.prevHash(),
                    e.entryHash(), e.seq() - 1, proof.stream().map(HexFormat.of()::formatHex).toList());
        }
    }

    /**
     * The signed tree head the proofs lead to, and the witnesses' cosignature lines of it: appended to the note, they
     * make the witnessed note, which a verifier holding a witness's key checks too.
     */
    public record TreeHead(String origin, long treeSize, String rootHash, String signedAt, String keyId,
                           String publicKey, String note, List<String> cosignatures) {

        static TreeHead of(Checkpoint c, List<String> cosignatures) {
            return new TreeHead(c.origin(), c.seq(), c.rootHash(), c.signedAt().toString(), c.keyId(), c.publicKey(),
                    c.note(), cosignatures);
        }
    }
}
