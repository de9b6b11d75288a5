package gov.onceonly.hub.evidence;

import gov.onceonly.hub.schedule.PeriodicJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Gives appended entries their place in the chain by closing blocks. In one transaction, under the ledger's advisory
 * lock, it takes the horizon (the oldest transaction still running: every entry below it is committed or never will
 * be), reads the entries between the last block's horizon and this one, numbers and hashes them in id order, and
 * writes them as one {@code evidence_block} row. Entries are never written again, so one row per block is all that
 * chaining costs. Every instance runs one; only the one holding the lock chains.
 */
public class EvidenceChainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EvidenceChainer.class);
    /** The horizon and head before the first block. */
    private static final Head EMPTY = new Head(0, 1, 0, Sha256.GENESIS);

    /** The last block: its number, the next sequence number, its horizon and its head's hash. */
    private record Head(long block, long nextSeq, long horizon, String hash) {
    }

    private record Appended(long id, Timestamp recordedAt, EvidenceKind kind, UUID applicationId, String item,
                            String party, String payloadSha256, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int batchSize;
    private PeriodicJobs.Scheduled periodic;

    public EvidenceChainer(JdbcTemplate jdbc, TransactionTemplate tx, int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batchSize = batchSize;
    }

    public EvidenceChainer start(PeriodicJobs jobs, Duration poll) {
        periodic = jobs.every("Chaining evidence", poll, this::chainWhatWaits);
        return this;
    }

    /** The background run: one cheap query when nothing waits, and no waiting for another instance's lock. */
    private void chainWhatWaits() {
        while (waitingBelow(Long.MAX_VALUE) && chainBatch(false) > 0) {
            // another block may be due
        }
    }

    /**
     * Chains every entry committed before the call, waiting for another instance's chainer if it holds the lock and, up
     * to five seconds, for transactions that were running at the call; what reads the chain (a receipt, a
     * verification) calls this first, so that it sees every committed effect.
     */
    public void chainAll() {
        long before = jdbc.queryForObject("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (waitingBelow(before)) {
            if (chainBatch(true) == 0) {
                if (System.nanoTime() > deadline) {
                    log.warn("Evidence of transactions running for over 5 s is not chained yet");
                    return;
                }
                pause();
            }
        }
    }

    /** Whether an entry with a transaction id below {@code xid} waits for its block. */
    private boolean waitingBelow(long xid) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from evidence_entry
                               where xid >= coalesce((select xid_horizon from evidence_block order by seq desc limit 1), '0')
                                 and xid < ?::text::xid8)""", Boolean.class, Long.toString(xid)));
    }

    /** Closes one block; returns how many entries it took (0: none could be chained, or another chainer holds the lock). */
    int chainBatch(boolean waitForLock) {
        Integer taken = tx.execute(status -> {
            if (waitForLock) {
                jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, EvidenceLedger.LOCK);
            } else if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    EvidenceLedger.LOCK))) {
                return 0;
            }
            Head head = head();
            long horizon = horizon(head);
            if (horizon <= head.horizon()) {
                return 0;
            }
            List<Appended> entries = jdbc.query("""
                    select id, recorded_at, kind, application_id, item, party, payload_sha256, detail from evidence_entry
                    where xid >= ?::text::xid8 and xid < ?::text::xid8 order by id""",
                    (rs, n) -> new Appended(rs.getLong(1), rs.getTimestamp(2), EvidenceKind.valueOf(rs.getString(3)),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8)), Long.toString(head.horizon()), Long.toString(horizon));
            if (entries.isEmpty()) {
                return 0;
            }
            close(head, horizon, entries);
            return entries.size();
        });
        return taken == null ? 0 : taken;
    }

    private Head head() {
        return jdbc.query("""
                select seq, first_entry + cardinality(entry_ids), xid_horizon::text::bigint,
                       entry_hashes[cardinality(entry_hashes)]
                from evidence_block order by seq desc limit 1""",
                (rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .stream().findFirst().orElse(EMPTY);
    }

    /**
     * This block's horizon: the oldest running transaction, or, when more than a batch waits below it, the transaction
     * of the first entry past the batch (a transaction's entries are never split between blocks).
     */
    private long horizon(Head head) {
        long oldestRunning = jdbc.queryForObject("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);
        List<Long> pastBatch = jdbc.queryForList("""
                select xid::text::bigint from evidence_entry where xid >= ?::text::xid8 and xid < ?::text::xid8
                order by xid offset ? limit 1""", Long.class, Long.toString(head.horizon()), Long.toString(oldestRunning),
                batchSize);
        if (pastBatch.isEmpty()) {
            return oldestRunning;
        }
        long cut = pastBatch.get(0);
        return cut > head.horizon() ? cut : cut + 1;
    }

    private void close(Head head, long horizon, List<Appended> entries) {
        long seq = head.nextSeq();
        String previous = head.hash();
        Long[] ids = new Long[entries.size()];
        String[] hashes = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Appended e = entries.get(i);
            LedgerEntry entry = LedgerEntry.create(seq + i, e.recordedAt().toInstant(), e.kind(), e.applicationId(),
                    e.item(), e.party(), e.payloadSha256(), e.detail(), previous);
            previous = entry.entryHash();
            ids[i] = e.id();
            hashes[i] = entry.entryHash();
        }
        jdbc.update("""
                insert into evidence_block (seq, first_entry, xid_horizon, entry_ids, entry_hashes, chained_at)
                values (?, ?, ?::text::xid8, ?, ?, now())""", head.block() + 1, seq, Long.toString(horizon), ids, hashes);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chaining evidence", e);
        }
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.close();
        }
    }
}
