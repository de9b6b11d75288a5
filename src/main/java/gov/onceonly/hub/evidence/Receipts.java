package gov.onceonly.hub.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Receipts for applications: their entries with inclusion proofs to a signed tree head that covers them all. */
public class Receipts {

    private final EvidenceLedger ledger;
    private final Checkpoints checkpoints;

    public Receipts(EvidenceLedger ledger, Checkpoints checkpoints) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
    }

    /** The application's receipt, or empty when the ledger holds nothing of it. */
    public Optional<Receipt> of(UUID applicationId) {
        List<LedgerEntry> entries = ledger.entriesOf(applicationId);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint covering = checkpoints.covering(entries.get(entries.size() - 1).seq());
        MerkleTree tree = checkpoints.tree();
        return Optional.of(new Receipt(applicationId, entries.stream()
                .map(e -> Receipt.Entry.of(e, tree.inclusionProof(e.seq() - 1, covering.seq()))).toList(),
                Receipt.TreeHead.of(covering, checkpoints.cosignatures(covering.seq())), Receipt.HOW));
    }
}
