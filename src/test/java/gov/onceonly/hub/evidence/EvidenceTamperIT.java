package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Tampering as a superuser would: on a copy of the ledger (a schema of its own, with the same append-only triggers,
 * so the shared hub's ledger stays intact), the trigger is bypassed with {@code session_replication_role = replica}
 * and an entry is changed, deleted, inserted or moved; the verifier, in the hub and on the command line, names it.
 * The copy holds the shared ledger's blocks up to its last checkpoint; where a test rewrites the chain's order, it
 * rewrites them as one block, as a forger who knows the format would.
 */
class EvidenceTamperIT extends HubIntegrationTest {

    private static final AtomicInteger COPIES = new AtomicInteger();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DataSource dataSource;
    @Autowired
    Environment env;

    private long signedHead;
    private final List<String> schemas = new ArrayList<>();

    @BeforeEach
    void aSignedLedgerOfSomeLength() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(41);
        hub.awaitStatus(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())), "DELIVERED");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Long head = superuser.queryForObject("select max(seq) from evidence_checkpoint", Long.class);
            return head != null && head >= 8;
        });
        signedHead = superuser.queryForObject("select max(seq) from evidence_checkpoint", Long.class);
    }

    @AfterEach
    void dropTheCopies() {
        schemas.forEach(schema -> superuser.execute("drop schema " + schema + " cascade"));
    }

    @Test
    void anUntouchedCopyIsIntact() throws Exception {
        String schema = copy();
        VerificationReport report = verify(schema);
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.entries()).isEqualTo(lastCopied(schema)).isGreaterThanOrEqualTo(signedHead);
    }

    @Test
    void theCopyRefusesChangesUntilTheTriggerIsBypassed() throws Exception {
        String schema = copy();
        try (Connection c = connect(schema); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update evidence_entry set party = 'impostor' where id = " + idAt(schema, 3)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("update evidence_block set entry_ids = entry_ids"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void aChangedEntryIsNamed() throws Exception {
        String schema = copy();
        bypassingTheTrigger(schema, "update evidence_entry set party = 'impostor' where id = " + idAt(schema, 3));
        VerificationReport report = verify(schema);
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(3);
        assertThat(report.intact()).isFalse();
    }

    @Test
    void aDeletedEntryIsNamedByTheHubAndByTheCommandLine() throws Exception {
        String schema = copy();
        bypassingTheTrigger(schema, "delete from evidence_entry where id = " + idAt(schema, 5));
        assertThat(verify(schema).firstBadSequence()).isEqualTo(5);

        HikariDataSource hikari = (HikariDataSource) dataSource;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyEvidenceCommand.run(List.of("--jdbc-url", hikari.getJdbcUrl() + (hikari.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--user", env.getRequiredProperty("hub.embedded.postgres.admin-user"), "--password-env", "EVIDENCE_TEST_PASSWORD", "--public-key",
                Ed25519Keys.x509Base64(Ed25519Keys.publicKeyOf(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY)))),
                hikari.getPassword() == null ? Map.of() : Map.of("EVIDENCE_TEST_PASSWORD", hikari.getPassword()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("TAMPERED at sequence 5");
    }

    @Test
    void anEntryInsertedIntoTheChainIsNamedByTheCheckpointItsForgerCouldNotSign() throws Exception {
        String schema = copy();
        signedAt(schema, 4); // the shared ledger may or may not have a checkpoint there: this copy has one
        long forgedId = superuser.queryForObject("select max(id) + 1000000 from " + schema + ".evidence_entry", Long.class);
        LedgerEntry forged = LedgerEntry.create(4, Instant.now(), EvidenceKind.PUSH, null, "forged", "impostor",
                Sha256.hex("forged".getBytes()), null, chain(schema).hashes().get(2));
        bypassingTheTrigger(schema, "insert into evidence_entry (id, xid, recorded_at, kind, item, party, payload_sha256, "
                + "event_key) values (" + forgedId + ", '1', '" + forged.recordedAt() + "', 'PUSH', 'forged', 'impostor', '"
                + forged.payloadSha256() + "', 'forged')");
        // Put in at 4, the entries after it moved one place on with the hashes they had.
        rewrite(schema, chain -> {
            chain.ids().add(3, forgedId);
            chain.hashes().add(3, forged.entryHash());
        });
        VerificationReport report = verify(schema);
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(4);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void anEntryAddedAmongChainedOnesIsNamed() throws Exception {
        String schema = copy();
        String xid = superuser.queryForObject("select xid::text from " + schema + ".evidence_entry where id = " + idAt(schema, 3),
                String.class);
        bypassingTheTrigger(schema, "insert into evidence_entry (xid, kind, party, payload_sha256, event_key) values ('"
                + xid + "', 'PUSH', 'impostor', '" + Sha256.hex(null) + "', 'added-" + UUID.randomUUID() + "')");
        VerificationReport report = verify(schema);
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBadSequence()).as(report.toString()).isLessThanOrEqualTo(3);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        String schema = copy();
        rewrite(schema, chain -> Collections.swap(chain.ids(), 5, 6));
        VerificationReport report = verify(schema);
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(6);
    }

    /** The copy's chain as one list: entry ids and their hashes in ledger order, and the last block's horizon. */
    /** Before it signs a tree head, the hub checks the new entries and the tree against the last one it signed. */
    @Test
    void noCheckpointIsSignedOverAnEntryChangedSinceTheLastOne() throws Exception {
        String schema = copy();
        bypassingTheTrigger(schema, "delete from evidence_checkpoint");
        try (Connection c = connect(schema)) {
            Checkpoints checkpoints = checkpointsOver(c);
            assertThat(checkpoints.checkpoint(4).signatureValid()).isTrue();
            bypassingTheTrigger(schema, "update evidence_entry set party = 'impostor' where id = " + idAt(schema, 6));
            long last = lastCopied(schema);
            assertThatThrownBy(() -> checkpoints.checkpoint(last)).isInstanceOf(EvidenceTamperedException.class)
                    .hasMessageContaining("entry 6 does not hash as its block recorded");
            assertThat(checkpoints.latestTreeHead().orElseThrow().seq()).isEqualTo(4);
        }
    }

    /** The history rewritten with every hash recomputed: consistent in itself, but not with the root signed before. */
    @Test
    void noCheckpointIsSignedOverARewrittenHistory() throws Exception {
        String schema = copy();
        bypassingTheTrigger(schema, "delete from evidence_checkpoint");
        try (Connection c = connect(schema)) {
            checkpointsOver(c).checkpoint(4);
            bypassingTheTrigger(schema, "update evidence_entry set party = 'impostor' where id = " + idAt(schema, 3));
            rehashed(schema);
            Checkpoints restarted = checkpointsOver(c); // a hub started on the rewritten database
            long last = lastCopied(schema);
            assertThatThrownBy(() -> restarted.checkpoint(last)).isInstanceOf(EvidenceTamperedException.class)
                    .hasMessageContaining("the ledger's first 4 entries are not those the checkpoint at 4 signed");
        }
        VerificationReport report = verify(schema);
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBadSequence()).as(report.toString()).isLessThanOrEqualTo(3);
    }

    /**
     * A forger with the database rewrites an entry, rehashes the chain and replaces the checkpoints with ones a hub
     * signed over the rewrite: the database alone now says intact. The witnessed checkpoints an auditor kept do not.
     */
    @Test
    void aRewriteWithTheCheckpointsRewrittenToMatchIsFoundByTheWitnessedCheckpoints() throws Exception {
        Path published = Path.of(env.getRequiredProperty("hub.evidence.checkpoint-file"));
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(published)
                && Files.readAllLines(published).stream().anyMatch(line -> sizeOf(line) == signedHead));
        String schema = copy();
        long last = lastCopied(schema);
        Path kept = Files.createTempFile("witnessed", ".jsonl");
        Files.write(kept, Files.readAllLines(published).stream()
                .filter(line -> sizeOf(line) <= last).toList());
        bypassingTheTrigger(schema, "update evidence_entry set party = 'impostor' where id = " + idAt(schema, 3),
                "delete from evidence_checkpoint");
        rehashed(schema);
        try (Connection c = connect(schema)) {
            checkpointsOver(c).checkpoint(last); // a hub started on the rewritten database, its checkpoints gone
        }
        assertThat(verify(schema).intact()).as("the database alone cannot tell").isTrue();

        String hubKey = Ed25519Keys.x509Base64(Ed25519Keys.publicKeyOf(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY)));
        String witnessKey = env.getRequiredProperty("hub.evidence.witnesses.sandbox.verifier-key");
        try (Connection c = connect(schema)) {
            VerificationReport report = LedgerVerification.verify(c, List.of(hubKey),
                    WitnessedCheckpoints.read(kept, List.of(hubKey), List.of(Cosignature.WitnessKey.parse(witnessKey))));
            assertThat(report.intact()).isFalse();
            // Named from the last witnessed checkpoint that still holds: at or before the rewritten entry 3.
            assertThat(report.firstBadSequence()).as(report.toString()).isBetween(1L, 3L);
            assertThat(report.problem()).contains("not those the witnesses cosigned");
        }
        HikariDataSource hikari = (HikariDataSource) dataSource;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyEvidenceCommand.run(List.of("--jdbc-url", hikari.getJdbcUrl()
                        + (hikari.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--user", env.getRequiredProperty("hub.embedded.postgres.admin-user"), "--password-env", "EVIDENCE_TEST_PASSWORD", "--public-key", hubKey,
                "--witnessed", kept.toString(), "--witness-key", witnessKey),
                hikari.getPassword() == null ? Map.of() : Map.of("EVIDENCE_TEST_PASSWORD", hikari.getPassword()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("TAMPERED at sequence [123]: entries");
    }

    private static long sizeOf(String publishedLine) {
        try {
            return JSON.readTree(publishedLine).path("size").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Checkpoints checkpointsOver(Connection c) {
        EvidenceSigner signer = new EvidenceSigner(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY), false, List.of());
        return new Checkpoints(new JdbcTemplate(new SingleConnectionDataSource(c, true)), "onceonly-hub/evidence", signer,
                1000, Duration.ofMinutes(1), java.time.Clock.systemUTC());
    }

    /** The copy's chain hashed again from its entries as they now are, as a forger with the table's rights would. */
    private void rehashed(String schema) throws SQLException {
        Chain chain = chain(schema);
        List<String> hashes = new ArrayList<>();
        String previous = Sha256.GENESIS;
        for (int i = 0; i < chain.ids().size(); i++) {
            LedgerEntry stored = superuser.queryForObject("select " + LedgerRows.ENTRY_COLUMNS + " from " + schema
                    + ".evidence_entry where id = ?", (rs, n) -> LedgerRows.entry(rs, 1, 0, null, null), chain.ids().get(i));
            previous = LedgerEntry.create(i + 1, stored.recordedAt(), stored.kind(), stored.applicationId(), stored.item(),
                    stored.party(), stored.payloadSha256(), stored.detail(), previous).entryHash();
            hashes.add(previous);
        }
        rewrite(schema, rewritten -> {
            rewritten.hashes().clear();
            rewritten.hashes().addAll(hashes);
        });
    }

    private record Chain(List<Long> ids, List<String> hashes, String horizon) {
    }

    private Chain chain(String schema) {
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

    /** Replaces the copy's blocks by one block holding its chain as {@code change} leaves it. */
    private void rewrite(String schema, Consumer<Chain> change) throws SQLException {
        Chain chain = chain(schema);
        change.accept(chain);
        bypassingTheTrigger(schema, "delete from evidence_block");
        superuser.update("insert into " + schema + ".evidence_block (seq, first_entry, xid_horizon, entry_ids, entry_hashes, "
                + "chained_at) values (1, 1, ?::xid8, ?, ?, now())", chain.horizon(), chain.ids().toArray(Long[]::new),
                chain.hashes().toArray(String[]::new));
    }

    /**
     * A copy of the ledger, the blocks up to the one holding the last checkpoint and their entries, in a schema of its
     * own, with the append-only triggers.
     */
    private String copy() {
        String schema = "evidence_copy_" + COPIES.incrementAndGet() + "_" + System.nanoTime() % 100000;
        superuser.execute("create schema " + schema);
        schemas.add(schema);
        for (String table : new String[] {"evidence_entry", "evidence_block", "evidence_checkpoint"}) {
            superuser.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
        }
        superuser.update("insert into " + schema + ".evidence_block select * from public.evidence_block where first_entry <= ?",
                signedHead);
        superuser.update("insert into " + schema + ".evidence_entry select * from public.evidence_entry where id in "
                + "(select unnest(entry_ids) from " + schema + ".evidence_block)");
        superuser.update("insert into " + schema + ".evidence_checkpoint select * from public.evidence_checkpoint where seq <= ?",
                signedHead);
        for (String table : new String[] {"evidence_entry", "evidence_block", "evidence_checkpoint"}) {
            superuser.execute("create trigger append_only before update or delete on " + schema + "." + table
                    + " for each row execute function public.evidence_refuse_change()");
        }
        return schema;
    }

    private long lastCopied(String schema) {
        return superuser.queryForObject("select max(first_entry + cardinality(entry_ids) - 1) from " + schema + ".evidence_block",
                Long.class);
    }

    /** The id of the copy's entry at sequence number seq. */
    private long idAt(String schema, long seq) {
        return superuser.queryForObject("select entry_ids[? - first_entry + 1] from " + schema + ".evidence_block "
                + "where first_entry <= ? order by first_entry desc limit 1", Long.class, seq, seq);
    }

    /** A checkpoint at seq in the copy, signed with the hub's key, unless there is one. */
    private void signedAt(String schema, long seq) {
        EvidenceSigner signer = new EvidenceSigner(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY), false, List.of());
        String head = chain(schema).hashes().get((int) seq - 1);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        superuser.update("insert into " + schema + ".evidence_checkpoint values (?, ?, ?, ?, ?, ?) on conflict do nothing", seq, head,
                Timestamp.from(at), signer.keyId(), signer.publicKey(), signer.sign(Checkpoint.message(seq, head, at)));
    }

    private void bypassingTheTrigger(String schema, String... changes) throws SQLException {
        try (Connection c = connect(schema); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica"); // a superuser's way past the triggers
            for (String change : changes) {
                s.executeUpdate(change);
            }
        }
    }

    private VerificationReport verify(String schema) throws SQLException {
        try (Connection c = connect(schema)) {
            return LedgerVerification.verify(c, List.of(Ed25519Keys.x509Base64(
                    Ed25519Keys.publicKeyOf(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY)))));
        }
    }

    /** Its own connection (not the pool's), so that no session setting leaks into the hub. */
    private Connection connect(String schema) throws SQLException {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        // The copies are the superuser's, and only a superuser gets past the triggers (the hub's own role cannot).
        Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), env.getRequiredProperty("hub.embedded.postgres.admin-user"), "");
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
        }
        return c;
    }
}
