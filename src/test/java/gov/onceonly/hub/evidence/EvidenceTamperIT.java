package gov.onceonly.hub.evidence;

import com.zaxxer.hikari.HikariDataSource;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Tampering as a superuser would: on a copy of the ledger (a schema of its own, with the same append-only triggers,
 * so the shared hub's ledger stays intact), the trigger is bypassed with {@code session_replication_role = replica}
 * and an entry is changed, deleted, inserted or moved; the verifier, in the hub and on the command line, names it.
 */
class EvidenceTamperIT extends HubIntegrationTest {

    private static final AtomicInteger COPIES = new AtomicInteger();

    @Autowired
    DataSource dataSource;

    private long signedHead;
    private final List<String> schemas = new java.util.ArrayList<>();

    @BeforeEach
    void aSignedLedgerOfSomeLength() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(41);
        hub.awaitStatus(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())), "DELIVERED");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Long head = jdbc.queryForObject("select max(seq) from evidence_checkpoint", Long.class);
            return head != null && head >= 8;
        });
        signedHead = jdbc.queryForObject("select max(seq) from evidence_checkpoint", Long.class);
    }

    @AfterEach
    void dropTheCopies() {
        schemas.forEach(schema -> jdbc.execute("drop schema " + schema + " cascade"));
    }

    @Test
    void anUntouchedCopyIsIntact() throws Exception {
        String schema = copy();
        VerificationReport report = verify(schema);
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.entries()).isEqualTo(signedHead);
    }

    @Test
    void theCopyRefusesChangesUntilTheTriggerIsBypassed() throws Exception {
        String schema = copy();
        try (Connection c = connect(schema); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update evidence_entry set party = 'impostor' where seq = 3"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void aChangedEntryIsNamed() throws Exception {
        String schema = tampered("update evidence_entry set party = 'impostor' where seq = 3");
        VerificationReport report = verify(schema);
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(3);
        assertThat(report.intact()).isFalse();
    }

    @Test
    void aDeletedEntryIsNamedByTheHubAndByTheCommandLine() throws Exception {
        String schema = tampered("delete from evidence_entry where seq = 5");
        assertThat(verify(schema).firstBadSequence()).isEqualTo(5);

        HikariDataSource hikari = (HikariDataSource) dataSource;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyEvidenceCommand.run(List.of("--jdbc-url", hikari.getJdbcUrl() + (hikari.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--user", hikari.getUsername(), "--password-env", "EVIDENCE_TEST_PASSWORD", "--public-key",
                Ed25519Keys.x509Base64(Ed25519Keys.publicKeyOf(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY)))),
                hikari.getPassword() == null ? Map.of() : Map.of("EVIDENCE_TEST_PASSWORD", hikari.getPassword()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("TAMPERED at sequence 5");
    }

    @Test
    void anInsertedEntryIsNamed() throws Exception {
        String schema = copy();
        signedAt(schema, 4); // the shared ledger may or may not have a checkpoint there: this copy has one
        String prev = jdbc.queryForObject("select entry_hash from " + schema + ".evidence_entry where seq = 3", String.class);
        LedgerEntry forged = LedgerEntry.create(4, java.time.Instant.now(), EvidenceKind.PUSH, null, "forged", "impostor",
                Sha256.hex("forged".getBytes()), prev);
        bypassingTheTrigger(schema,
                "update evidence_entry set seq = seq + 1000000 where seq >= 4",
                "update evidence_entry set seq = seq - 1000000 + 1 where seq > 1000000",
                "insert into evidence_entry values (4, '" + forged.recordedAt() + "', 'PUSH', null, "
                        + "'forged', 'impostor', '" + forged.payloadSha256() + "', '" + prev + "', '" + forged.entryHash()
                        + "', 'forged')");
        VerificationReport report = verify(schema);
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(4);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        String schema = tampered("update evidence_entry set seq = seq + 1000000 where seq in (6, 7)",
                "update evidence_entry set seq = case seq when 1000006 then 7 else 6 end where seq > 1000000");
        VerificationReport report = verify(schema);
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(6);
    }

    /** A copy of the ledger up to its last checkpoint, in a schema of its own, with the append-only triggers. */
    private String copy() {
        String schema = "evidence_copy_" + COPIES.incrementAndGet() + "_" + System.nanoTime() % 100000;
        jdbc.execute("create schema " + schema);
        schemas.add(schema);
        for (String table : new String[] {"evidence_entry", "evidence_checkpoint"}) {
            jdbc.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
            jdbc.update("insert into " + schema + "." + table + " select * from public." + table + " where seq <= ?", signedHead);
            jdbc.execute("create trigger append_only before update or delete on " + schema + "." + table
                    + " for each row execute function public.evidence_refuse_change()");
        }
        jdbc.execute("create table " + schema + ".evidence_pending (like public.evidence_pending)"); // none waits
        return schema;
    }

    /** A checkpoint at seq in the copy, signed with the hub's key, unless there is one. */
    private void signedAt(String schema, long seq) {
        EvidenceSigner signer = new EvidenceSigner(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY), false, List.of());
        String head = jdbc.queryForObject("select entry_hash from " + schema + ".evidence_entry where seq = ?", String.class, seq);
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.update("insert into " + schema + ".evidence_checkpoint values (?, ?, ?, ?, ?, ?) on conflict do nothing", seq, head,
                java.sql.Timestamp.from(at), signer.keyId(), signer.publicKey(), signer.sign(Checkpoint.message(seq, head, at)));
    }

    private String tampered(String... changes) throws SQLException {
        String schema = copy();
        bypassingTheTrigger(schema, changes);
        return schema;
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
        Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
        }
        return c;
    }
}
