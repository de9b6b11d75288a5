package gov.onceonly.hub.evidence;

import gov.onceonly.hub.schedule.ClusterLock;
import gov.onceonly.hub.schedule.PeriodicJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Signed checkpoints of the ledger: RFC 9162 tree heads in C2SP checkpoint notes ({@link CheckpointNote}). A
 * checkpoint is due once {@code everyEntries} entries wait for one, or the oldest waiting entry is {@code interval}
 * old; every hub instance checks each {@code poll}, and two that sign the same head keep one checkpoint.
 */
public class Checkpoints implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcTemplate jdbc;
    private final LedgerTree ledgerTree;
    private final String origin;
    private final EvidenceSigner signer;
    private final int everyEntries;
    private final Duration interval;
    private final Clock clock;
    private final List<CheckpointObserver> observers = new CopyOnWriteArrayList<>();
    private PeriodicJobs.Scheduled periodic;

    public Checkpoints(JdbcTemplate jdbc, String origin, EvidenceSigner signer, int everyEntries, Duration interval,
                       Clock clock) {
        this.jdbc = jdbc;
        this.ledgerTree = new LedgerTree(jdbc);
        this.origin = origin;
        this.signer = signer;
        this.everyEntries = everyEntries;
        this.interval = interval;
        this.clock = clock;
    }

    /** Told of every checkpoint this instance signs (the witnesses, the logs outside the database). */
    public Checkpoints observedBy(CheckpointObserver observer) {
        observers.add(observer);
        return this;
    }

    /** Checks for a due checkpoint every {@code poll}, on one instance of the cluster at a time. */
    public Checkpoints start(PeriodicJobs jobs, ClusterLock lock, Duration poll) {
        periodic = jobs.every("Checking the evidence ledger for a checkpoint", poll,
                lock.alone("evidence-checkpoints", this::checkpointIfDue));
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

    /**
     * Signs the tree head at {@code seq} entries, once the new entries check: the tree at {@code seq} must extend the
     * last signed one (an RFC 9162 consistency proof from its size verifies against its signed root) and every entry
     * since must hash as its block recorded. Otherwise the ledger was rewritten, and nothing is signed.
     */
    public Checkpoint checkpoint(long seq) {
        MerkleTree tree = ledgerTree.sync();
        if (seq < 1 || seq > tree.size()) {
            throw new IllegalArgumentException("no chained evidence entry " + seq);
        }
        Optional<Checkpoint> previous = latestTreeHead();
        if (previous.isPresent() && previous.get().seq() >= seq) {
            return previous.get();
        }
        long from = previous.map(Checkpoint::seq).orElse(0L);
        byte[] root = tree.root(seq);
        if (previous.isPresent()) {
            Checkpoint last = previous.get();
            if (!last.signatureValid() || !signer.trustedKeys().isEmpty() && !signer.trustedKeys().contains(last.publicKey())) {
                throw new EvidenceTamperedException("the checkpoint at " + from + " does not carry a valid signature "
                        + "by a trusted key: no checkpoint is signed on top of it");
            }
            if (!MerkleTree.verifyConsistency(from, seq, tree.consistencyProof(from, seq), Sha256.fromHex(last.rootHash()), root)) {
                throw new EvidenceTamperedException("the ledger's first " + from + " entries are not those the checkpoint at "
                        + from + " signed: they were rewritten");
            }
        }
        ChainRange.check(jdbc, from, seq).ifPresent(problem -> {
            throw new EvidenceTamperedException(problem + "; no checkpoint is signed over it");
        });
        String headHash = jdbc.queryForObject("""
                select entry_hashes[? - first_entry + 1] from evidence_block
                where first_entry <= ? order by first_entry desc limit 1""", String.class, seq, seq);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CheckpointNote body = new CheckpointNote(origin, seq, root, at);
        String note = body.sign(signer);
        // The signature column keeps the note's signature field (key hash and signature, base64), as the note has it.
        Checkpoint checkpoint = new Checkpoint(seq, headHash, at, signer.keyId(), signer.publicKey(),
                note.substring(note.lastIndexOf(' ') + 1).strip(), Sha256.toHex(root), note);
        int stored = jdbc.update("""
                insert into evidence_checkpoint (seq, head_hash, signed_at, key_id, public_key, signature, root_hash, note)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (seq) do nothing""",
                seq, headHash, Timestamp.from(at), checkpoint.keyId(), checkpoint.publicKey(), checkpoint.signature(),
                checkpoint.rootHash(), note);
        log.debug("Evidence checkpoint at {} signed by key {}", seq, signer.keyId());
        if (stored == 0) { // another instance signed this size first: its checkpoint is the one kept
            return jdbc.queryForObject("select " + LedgerRows.CHECKPOINT_COLUMNS + " from evidence_checkpoint where seq = ?",
                    (rs, n) -> LedgerRows.checkpoint(rs), seq);
        }
        observers.forEach(observer -> observer.signed(checkpoint));
        return checkpoint;
    }

    /** A signed tree head covering entry {@code seq}: the latest if it does, else one signed now over every chained entry. */
    public Checkpoint covering(long seq) {
        Optional<Checkpoint> latest = latestTreeHead();
        if (latest.isPresent() && latest.get().seq() >= seq) {
            return latest.get();
        }
        return checkpoint(ledgerTree.sync().size());
    }

    /** The latest signed tree head (checkpoints from before V21 signed the chain's head only). */
    public Optional<Checkpoint> latestTreeHead() {
        return jdbc.query("select " + LedgerRows.CHECKPOINT_COLUMNS
                        + " from evidence_checkpoint where note is not null order by seq desc limit 1",
                (rs, n) -> LedgerRows.checkpoint(rs)).stream().findFirst();
    }

    /** The witnesses' cosignature lines of a checkpoint (C2SP cosignature/v1), as the hub received them. */
    public List<String> cosignatures(long seq) {
        return jdbc.queryForList("select cosignature from evidence_cosignature where seq = ? order by witness", String.class, seq);
    }

    public String origin() {
        return origin;
    }

    /** The ledger's tree, with every chained entry. */
    public MerkleTree tree() {
        return ledgerTree.sync();
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
