package gov.onceonly.hub.evidence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends to the hash-chained ledger inside the caller's transaction, so an entry exists if and only if the effect
 * it records committed. Appends are serialised across threads and hub instances by a transaction-scoped advisory
 * lock taken just before the entry is written; callers append last in their transaction, so the lock is held only
 * until their commit and never while they wait for another lock. An append whose event key is already in the
 * ledger (a redelivered message) returns the entry already there.
 */
public class EvidenceLedger {

    /** The advisory lock of the ledger's head ("EVID"). */
    static final long LOCK = 0x45564944L;

    private final JdbcTemplate jdbc;

    public EvidenceLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public LedgerEntry append(EvidenceKind kind, UUID applicationId, String item, String party, String payloadSha256,
                              String eventKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a ledger entry is appended inside the transaction of the effect it records");
        }
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, LOCK);
        List<LedgerEntry> existing = jdbc.query("select " + LedgerRows.ENTRY_COLUMNS + " from evidence_entry where event_key = ?",
                (rs, n) -> LedgerRows.entry(rs), eventKey);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        // The database's clock, read under the lock: one clock for every hub instance, so time follows sequence.
        Object[] head = jdbc.queryForObject("""
                select (select seq from evidence_entry order by seq desc limit 1),
                       (select entry_hash from evidence_entry order by seq desc limit 1), clock_timestamp()""",
                (rs, n) -> new Object[] {rs.getObject(1), rs.getString(2), rs.getTimestamp(3).toInstant()});
        long seq = head[0] == null ? 1 : ((Number) head[0]).longValue() + 1;
        LedgerEntry entry = LedgerEntry.create(seq, (Instant) head[2], kind, applicationId, item, party, payloadSha256,
                head[1] == null ? Sha256.GENESIS : (String) head[1]);
        jdbc.update("""
                insert into evidence_entry (seq, recorded_at, kind, application_id, item, party, payload_sha256,
                                            prev_hash, entry_hash, event_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                entry.seq(), Timestamp.from(entry.recordedAt()), kind.name(), applicationId, item, party, payloadSha256,
                entry.prevHash(), entry.entryHash(), eventKey);
        return entry;
    }

    /** An application's entries, in ledger order. */
    public List<LedgerEntry> entriesOf(UUID applicationId) {
        return jdbc.query("select " + LedgerRows.ENTRY_COLUMNS + " from evidence_entry where application_id = ? order by seq",
                (rs, n) -> LedgerRows.entry(rs), applicationId);
    }

    public Optional<LedgerEntry> head() {
        return jdbc.query("select " + LedgerRows.ENTRY_COLUMNS + " from evidence_entry order by seq desc limit 1",
                (rs, n) -> LedgerRows.entry(rs)).stream().findFirst();
    }
}
