package gov.onceonly.hub.evidence;

import gov.onceonly.hub.HubClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A copy of the shared hub's ledger to tamper with as someone holding the database would: the blocks up to a signed
 * checkpoint, their entries, the checkpoints and the witnesses' cosignatures, in a schema of its own with the same append-only triggers (so the
 * shared ledger stays intact). Made and changed as the superuser, the only one who gets past the triggers
 * ({@code session_replication_role = replica}); the hub's own role cannot.
 */
final class LedgerCopy implements AutoCloseable {

    private static final AtomicInteger COPIES = new AtomicInteger();
    private static final String[] TABLES = {"evidence_entry", "evidence_block", "evidence_checkpoint", "evidence_cosignature"};

    /** The chain as its blocks give it: the entries' ids, their hashes, and the last block's horizon. */
    record Chain(List<Long> ids, List<String> hashes, String horizon) {
    }

    final String schema;
    private final JdbcTemplate superuser;
    private final String url;
    private final String user;

    LedgerCopy(JdbcTemplate superuser, String url, String user, long signedHead) {
        this.schema = "evidence_copy_" + COPIES.incrementAndGet() + "_" + System.nanoTime() % 100000;
        this.superuser = superuser;
        this.url = url;
        this.user = user;
        superuser.execute("create schema " + schema);
        for (String table : TABLES) {
            superuser.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
        }
        superuser.update("insert into " + schema + ".evidence_block select * from public.evidence_block where first_entry <= ?",
                signedHead);
        superuser.update("insert into " + schema + ".evidence_entry select * from public.evidence_entry where id in "
                + "(select unnest(entry_ids) from " + schema + ".evidence_block)");
        superuser.update("insert into " + schema + ".evidence_checkpoint select * from public.evidence_checkpoint where seq <= ?",
                signedHead);
        superuser.update("insert into " + schema + ".evidence_cosignature select * from public.evidence_cosignature where seq <= ?",
                signedHead);
        for (String table : TABLES) {
            superuser.execute("create trigger append_only before update or delete on " + schema + "." + table
                    + " for each row execute function public.evidence_refuse_change()");
        }
    }

    Chain chain() {
        List<Long> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        String[] horizon = {null};
        superuser.query("select entry_ids, entry_hashes, xid_horizon::text from " + schema + ".evidence_block order by seq", rs -> {
            ids.addAll(List.of((Long[]) rs.getArray(1).getArray()));
            hashes.addAll(List.of((String[]) rs.getArray(2).getArray()));
            horizon[0] = rs.getString(3);
        });
        return new Chain(ids, hashes, horizon[0]);
    }

    /** Replaces the blocks by one block holding the chain as {@code change} leaves it. */
    void rewrite(Consumer<Chain> change) throws SQLException {
        Chain chain = chain();
        change.accept(chain);
        bypassingTheTrigger("delete from evidence_block");
        superuser.update("insert into " + schema + ".evidence_block (seq, first_entry, xid_horizon, entry_ids, entry_hashes, "
                + "chained_at) values (1, 1, ?::xid8, ?, ?, now())", chain.horizon(), chain.ids().toArray(Long[]::new),
                chain.hashes().toArray(String[]::new));
    }

    /** The chain hashed again from its entries as they now are, as a forger with the tables' rights would. */
    void rehash() throws SQLException {
        Chain chain = chain();
        List<String> hashes = new ArrayList<>();
        String previous = Sha256.GENESIS;
        // One query for the whole chain, in its order: the shared ledger holds every test's entries.
        List<LedgerEntry> stored = superuser.query("select " + prefixed(LedgerRows.ENTRY_COLUMNS) + " from unnest(?::bigint[]) "
                + "with ordinality as u(id, i) join " + schema + ".evidence_entry e on e.id = u.id order by u.i",
                (rs, n) -> LedgerRows.entry(rs, 1, 0, null, null), (Object) chain.ids().toArray(Long[]::new));
        for (int i = 0; i < stored.size(); i++) {
            LedgerEntry entry = stored.get(i);
            previous = LedgerEntry.create(i + 1, entry.recordedAt(), entry.kind(), entry.applicationId(), entry.item(),
                    entry.party(), entry.payloadSha256(), entry.detail(), previous).entryHash();
            hashes.add(previous);
        }
        rewrite(rewritten -> {
            rewritten.hashes().clear();
            rewritten.hashes().addAll(hashes);
        });
    }

    /** The entry columns, each of table e (u's id would be ambiguous). */
    private static String prefixed(String columns) {
        return java.util.Arrays.stream(columns.split(",")).map(c -> "e." + c.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Takes entry {@code seq} out of the chain and deletes its row, as a forger would before rehashing. */
    void delete(long seq) throws SQLException {
        long id = idAt(seq);
        rewrite(chain -> {
            chain.hashes().remove(chain.ids().indexOf(id));
            chain.ids().remove(Long.valueOf(id));
        });
        bypassingTheTrigger("delete from evidence_entry where id = " + id);
    }

    /** A forger's entry, in no block yet (its transaction id is below every horizon); returns its id. */
    long forged(String party) {
        long id = superuser.queryForObject("select max(id) + 1000000 from " + schema + ".evidence_entry", Long.class);
        superuser.update("insert into " + schema + ".evidence_entry (id, xid, kind, party, payload_sha256, event_key) "
                + "values (?, '1', 'PUSH', ?, ?, ?)", id, party, Sha256.hex(party.getBytes()), "forged-" + id);
        return id;
    }

    long last() {
        return superuser.queryForObject("select max(first_entry + cardinality(entry_ids) - 1) from " + schema + ".evidence_block",
                Long.class);
    }

    /** The id of the entry at sequence number seq. */
    long idAt(long seq) {
        return superuser.queryForObject("select entry_ids[? - first_entry + 1] from " + schema + ".evidence_block "
                + "where first_entry <= ? order by first_entry desc limit 1", Long.class, seq, seq);
    }

    /** A chain-head checkpoint (as before V21) at seq, signed with the hub's key, unless there is one. */
    void signedAt(long seq) {
        EvidenceSigner signer = signer();
        String head = chain().hashes().get((int) seq - 1);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        superuser.update("insert into " + schema + ".evidence_checkpoint values (?, ?, ?, ?, ?, ?) on conflict do nothing", seq, head,
                Timestamp.from(at), signer.keyId(), signer.publicKey(), signer.sign(Checkpoint.message(seq, head, at)));
    }

    void bypassingTheTrigger(String... changes) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica"); // a superuser's way past the triggers
            for (String change : changes) {
                s.executeUpdate(change);
            }
        }
    }

    VerificationReport verify() throws SQLException {
        try (Connection c = connect()) {
            return LedgerVerification.verify(c, List.of(hubKey()));
        }
    }

    /** What a hub started on this copy would sign checkpoints with. */
    static Checkpoints checkpointsOver(Connection c) {
        return checkpointsOver(c, signer());
    }

    /** The same, with another key: a hub whose key was rotated, or a forger's. */
    static Checkpoints checkpointsOver(Connection c, EvidenceSigner signer) {
        return new Checkpoints(new JdbcTemplate(new SingleConnectionDataSource(c, true)), "onceonly-hub/evidence", signer,
                1000, Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** The receipts a hub with this key would give from this copy (signing a tree head when none covers the entries). */
    static Receipts receiptsOver(Connection c, EvidenceSigner signer) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(c, true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EvidenceChainer chainer = new EvidenceChainer(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), 1000);
        return new Receipts(new EvidenceLedger(jdbc, chainer), checkpointsOver(c, signer));
    }

    static String hubKey() {
        return signer().publicKey();
    }

    /** The shared hub's checkpoint key (the sandbox's). */
    static EvidenceSigner signer() {
        return new EvidenceSigner(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY), false, List.of());
    }

    /** A fresh key: a rotated hub's (trusting {@code previous}), or a forger's. */
    static EvidenceSigner freshSigner(String... previous) {
        return new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false, List.of(previous));
    }

    /** Its own connection (not the pool's), so that no session setting leaks into the hub; its tables first. */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, "");
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
        }
        return c;
    }

    /** The JDBC URL of the copy, for the command-line verifier. */
    String jdbcUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String user() {
        return user;
    }

    @Override
    public void close() {
        superuser.execute("drop schema " + schema + " cascade");
    }
}
