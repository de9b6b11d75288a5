package gov.onceonly.hub.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Signed checkpoints of the ledger's head. A checkpoint is due once {@code everyEntries} entries wait for one, or
 * the oldest waiting entry is {@code interval} old; every hub instance checks each {@code poll}, and two that sign
 * the same head keep one checkpoint.
 */
public class Checkpoints implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcTemplate jdbc;
    private final EvidenceSigner signer;
    private final int everyEntries;
    private final Duration interval;
    private final Clock clock;
    private PeriodicTask periodic;

    public Checkpoints(JdbcTemplate jdbc, EvidenceSigner signer, int everyEntries, Duration interval, Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.everyEntries = everyEntries;
        this.interval = interval;
        this.clock = clock;
    }

    public Checkpoints start(Duration poll) {
        periodic = PeriodicTask.start("evidence-checkpoints", poll, this::checkpointIfDue, log,
                "Could not check the evidence ledger for a checkpoint");
        return this;
    }

    /** Signs the head if a checkpoint is due; returns the new checkpoint. */
    public Optional<Checkpoint> checkpointIfDue() {
        long signed = latest().map(Checkpoint::seq).orElse(0L);
        // The head, and when the block of the first entry after the last checkpoint was chained.
        Object[] waiting = jdbc.query("""
                select (select first_entry + cardinality(entry_ids) - 1 from evidence_block order by seq desc limit 1),
                       (select chained_at from evidence_block where first_entry + cardinality(entry_ids) > ?
                        order by seq limit 1)""",
                (rs, n) -> new Object[] {rs.getObject(1), rs.getTimestamp(2)}, signed).get(0);
        if (waiting[0] == null || waiting[1] == null) {
            return Optional.empty();
        }
        long head = ((Number) waiting[0]).longValue();
        Instant oldest = ((Timestamp) waiting[1]).toInstant();
        if (head - signed < everyEntries && oldest.plus(interval).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(checkpoint(head));
    }

    /** Signs the chain's head at {@code seq}. */
    public Checkpoint checkpoint(long seq) {
        String headHash = jdbc.queryForObject("""
                select entry_hashes[? - first_entry + 1] from evidence_block
                where first_entry <= ? order by first_entry desc limit 1""", String.class, seq, seq);
        if (headHash == null) {
            throw new IllegalArgumentException("no chained evidence entry " + seq);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Checkpoint checkpoint = new Checkpoint(seq, headHash, at, signer.keyId(), signer.publicKey(),
                signer.sign(Checkpoint.message(seq, headHash, at)));
        jdbc.update("""
                insert into evidence_checkpoint (seq, head_hash, signed_at, key_id, public_key, signature)
                values (?, ?, ?, ?, ?, ?) on conflict (seq) do nothing""",
                seq, headHash, Timestamp.from(at), checkpoint.keyId(), checkpoint.publicKey(), checkpoint.signature());
        log.debug("Evidence checkpoint at {} signed by key {}", seq, signer.keyId());
        return checkpoint;
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("select " + LedgerRows.CHECKPOINT_COLUMNS + " from evidence_checkpoint order by seq desc limit 1",
                (rs, n) -> LedgerRows.checkpoint(rs)).stream().findFirst();
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.close();
        }
    }
}
