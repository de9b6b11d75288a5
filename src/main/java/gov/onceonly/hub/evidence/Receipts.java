package gov.onceonly.hub.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Receipts for applications, and who submitted one (the party of its intake entry). */
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
        long last = entries.get(entries.size() - 1).seq();
        Checkpoint covering = checkpoints.latest().filter(c -> c.seq() >= last).orElse(null);
        return Optional.of(new Receipt(applicationId, entries.stream().map(Receipt.Entry::of).toList(),
                MerkleTree.root(entries.stream().map(LedgerEntry::entryHash).toList()), covering, Receipt.HOW));
    }
}
