package gov.onceonly.hub.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns waiting entries ({@code evidence_pending}) into chained ones: in one transaction, under the ledger's advisory
 * lock, it reads a batch in the order they were written, gives each the next sequence number and its hash, inserts
 * them into {@code evidence_entry} and deletes them from the waiting table. One lock per batch instead of one per
 * effect is what keeps the ledger off the pipeline's hot path. A waiting entry whose event key is already chained (a
 * redelivered message) is dropped. Every instance runs one; only the one holding the lock chains.
 */
public class EvidenceChainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EvidenceChainer.class);

    private record Waiting(long id, Timestamp recordedAt, EvidenceKind kind, UUID applicationId, String item,
                           String party, String payloadSha256, String eventKey) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int batchSize;
    private PeriodicTask periodic;

    public EvidenceChainer(JdbcTemplate jdbc, TransactionTemplate tx, int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batchSize = batchSize;
    }

    public EvidenceChainer start(Duration poll) {
        periodic = PeriodicTask.start("evidence-chainer", poll, this::chainWhatWaits, log, "Could not chain waiting evidence");
        return this;
    }

    /** The background run: nothing when nothing waits (one cheap query), and no waiting for another instance's lock. */
    private void chainWhatWaits() {
        while (anyWaiting() && chainBatch(false) > 0) {
            // another batch may be waiting
        }
    }

    /**
     * Chains every entry that waits now, waiting for another instance's chainer if it holds the lock; what reads the
     * chain (a receipt, a verification) calls this first, so that it sees every committed effect.
     */
    public void chainAll() {
        while (anyWaiting() && chainBatch(true) > 0) {
            // until none waits
        }
    }

    /** One cheap query, so that a reader or an idle poll takes no lock when nothing waits. */
    private boolean anyWaiting() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from evidence_pending)", Boolean.class));
    }

    /** Chains one batch; returns how many waiting entries it took (0: none waited, or another chainer holds the lock). */
    int chainBatch(boolean waitForLock) {
        Integer taken = tx.execute(status -> {
            if (waitForLock) {
                jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, EvidenceLedger.LOCK);
            } else if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    EvidenceLedger.LOCK))) {
                return 0;
            }
            List<Waiting> batch = jdbc.query("""
                    select id, recorded_at, kind, application_id, item, party, payload_sha256, event_key
                    from evidence_pending order by id limit ?""",
                    (rs, n) -> new Waiting(rs.getLong(1), rs.getTimestamp(2), EvidenceKind.valueOf(rs.getString(3)),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8)), batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            chain(batch);
            jdbc.update("delete from evidence_pending where id = any(?)",
                    (Object) batch.stream().map(Waiting::id).toArray(Long[]::new));
            return batch.size();
        });
        return taken == null ? 0 : taken;
    }

    private void chain(List<Waiting> batch) {
        Set<String> chained = new HashSet<>(jdbc.queryForList("select event_key from evidence_entry where event_key = any(?)",
                String.class, (Object) batch.stream().map(Waiting::eventKey).toArray(String[]::new)));
        List<Object[]> head = jdbc.query("select seq, entry_hash from evidence_entry order by seq desc limit 1",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long seq = head.isEmpty() ? 0 : (Long) head.get(0)[0];
        String previous = head.isEmpty() ? Sha256.GENESIS : (String) head.get(0)[1];
        List<Object[]> rows = new ArrayList<>();
        for (Waiting w : batch) {
            if (!chained.add(w.eventKey())) {
                continue; // already in the ledger: a redelivered message's second entry
            }
            LedgerEntry entry = LedgerEntry.create(++seq, w.recordedAt().toInstant(), w.kind(), w.applicationId(),
                    w.item(), w.party(), w.payloadSha256(), previous);
            previous = entry.entryHash();
            rows.add(new Object[] {entry.seq(), Timestamp.from(entry.recordedAt()), w.kind().name(), w.applicationId(),
                    w.item(), w.party(), w.payloadSha256(), entry.prevHash(), entry.entryHash(), w.eventKey()});
        }
        jdbc.batchUpdate("""
                insert into evidence_entry (seq, recorded_at, kind, application_id, item, party, payload_sha256,
                                            prev_hash, entry_hash, event_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.close();
        }
    }
}
