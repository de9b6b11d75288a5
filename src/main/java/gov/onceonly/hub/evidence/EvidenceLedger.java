package gov.onceonly.hub.evidence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.UUID;

/**
 * Appends to the hash-chained ledger inside the caller's transaction, so an entry exists if and only if the effect
 * it records committed. An append takes no lock: it writes the entry as waiting ({@code evidence_pending}), and the
 * {@link EvidenceChainer} gives it its sequence number and hash soon after the commit, in a batch. An append whose
 * event key is already waiting or chained (a redelivered message) adds nothing.
 */
public class EvidenceLedger {

    /** The advisory lock of the ledger's head ("EVID"), held by the chainer while it chains a batch. */
    static final long LOCK = 0x45564944L;

    private final JdbcTemplate jdbc;
    private final EvidenceChainer chainer;

    public EvidenceLedger(JdbcTemplate jdbc, EvidenceChainer chainer) {
        this.jdbc = jdbc;
        this.chainer = chainer;
    }

    public void append(EvidenceKind kind, UUID applicationId, String item, String party, String payloadSha256,
                       String eventKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a ledger entry is appended inside the transaction of the effect it records");
        }
        jdbc.update("""
                insert into evidence_pending (kind, application_id, item, party, payload_sha256, event_key)
                values (?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing""",
                kind.name(), applicationId, item, party, payloadSha256, eventKey);
    }

    /** An application's entries, in ledger order, every committed one chained first. */
    public List<LedgerEntry> entriesOf(UUID applicationId) {
        chainer.chainAll();
        return jdbc.query("select " + LedgerRows.ENTRY_COLUMNS + " from evidence_entry where application_id = ? order by seq",
                (rs, n) -> LedgerRows.entry(rs), applicationId);
    }
}
