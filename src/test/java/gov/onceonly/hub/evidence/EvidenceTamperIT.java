package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tampering as a superuser would, on a {@link LedgerCopy}: the trigger is bypassed and an entry is changed, deleted,
 * inserted or moved; the verifier, in the hub and on the command line, names it. Where a test rewrites the chain's
 * order, it rewrites the blocks as one, as a forger who knows the format would.
 */
class EvidenceTamperIT extends TamperingOnACopy {

    @Test
    void anUntouchedCopyIsIntact() throws Exception {
        LedgerCopy copy = copy();
        VerificationReport report = copy.verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.entries()).isEqualTo(copy.last()).isGreaterThanOrEqualTo(signedHead);
    }

    @Test
    void theCopyRefusesChangesUntilTheTriggerIsBypassed() throws Exception {
        LedgerCopy copy = copy();
        try (Connection c = copy.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update evidence_entry set party = 'impostor' where id = " + copy.idAt(3)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("update evidence_block set entry_ids = entry_ids"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void aChangedEntryIsNamed() throws Exception {
        LedgerCopy copy = copy();
        copy.bypassingTheTrigger("update evidence_entry set party = 'impostor' where id = " + copy.idAt(3));
        VerificationReport report = copy.verify();
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(3);
        assertThat(report.intact()).isFalse();
    }

    @Test
    void aDeletedEntryIsNamedByTheHubAndByTheCommandLine() throws Exception {
        LedgerCopy copy = copy();
        copy.bypassingTheTrigger("delete from evidence_entry where id = " + copy.idAt(5));
        assertThat(copy.verify().firstBadSequence()).isEqualTo(5);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyEvidenceCommand.run(List.of("--jdbc-url", copy.jdbcUrl(), "--user", copy.user(),
                "--password-env", "EVIDENCE_TEST_PASSWORD", "--public-key", LedgerCopy.hubKey()),
                Map.of("EVIDENCE_TEST_PASSWORD", ""), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("TAMPERED at sequence 5");
    }

    @Test
    void anEntryInsertedIntoTheChainIsNamedByTheCheckpointItsForgerCouldNotSign() throws Exception {
        LedgerCopy copy = copy();
        copy.signedAt(4); // the shared ledger may or may not have a checkpoint there: this copy has one
        long forgedId = superuser.queryForObject("select max(id) + 1000000 from " + copy.schema + ".evidence_entry", Long.class);
        LedgerEntry forged = LedgerEntry.create(4, Instant.now(), EvidenceKind.PUSH, null, "forged", "impostor",
                Sha256.hex("forged".getBytes()), null, copy.chain().hashes().get(2));
        copy.bypassingTheTrigger("insert into evidence_entry (id, xid, recorded_at, kind, item, party, payload_sha256, "
                + "event_key) values (" + forgedId + ", '1', '" + forged.recordedAt() + "', 'PUSH', 'forged', 'impostor', '"
                + forged.payloadSha256() + "', 'forged')");
        // Put in at 4, the entries after it moved one place on with the hashes they had.
        copy.rewrite(chain -> {
            chain.ids().add(3, forgedId);
            chain.hashes().add(3, forged.entryHash());
        });
        VerificationReport report = copy.verify();
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(4);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void anEntryAddedAmongChainedOnesIsNamed() throws Exception {
        LedgerCopy copy = copy();
        String xid = superuser.queryForObject("select xid::text from " + copy.schema + ".evidence_entry where id = "
                + copy.idAt(3), String.class);
        copy.bypassingTheTrigger("insert into evidence_entry (xid, kind, party, payload_sha256, event_key) values ('"
                + xid + "', 'PUSH', 'impostor', '" + Sha256.hex(null) + "', 'added-" + UUID.randomUUID() + "')");
        VerificationReport report = copy.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBadSequence()).as(report.toString()).isLessThanOrEqualTo(3);
        assertThat(report.problem()).contains("inserted");
    }

    /**
     * The tail cut off and the forger's entries appended in its place, chained as the hub would chain them; the
     * database's checkpoints left as the hub signed them. The checkpoints that still hold prove the entries up to the
     * last of them; the first checkpoint past the cut signed another head and root. The first bad position named is the
     * first entry after the last checkpoint that holds: the cut itself when a checkpoint was signed there, else an
     * earlier entry, the problem naming the range (a checkpoint signs a root, not each entry: ChainVerifier).
     */
    @Test
    void aTailCutOffAndReplacedIsNamedByTheCommandLine() throws Exception {
        LedgerCopy copy = copy();
        long cut = signedHead - 3; // entries up to the cut stay; every later one is replaced
        List<Long> ids = copy.chain().ids();
        List<Long> dropped = List.copyOf(ids.subList((int) cut, ids.size()));
        List<Long> forged = new java.util.ArrayList<>();
        for (int i = 0; i < dropped.size(); i++) {
            forged.add(copy.forged("forger-" + i));
        }
        copy.rewrite(chain -> {
            chain.ids().subList((int) cut, chain.ids().size()).clear();
            chain.ids().addAll(forged);
            chain.hashes().subList((int) cut, chain.hashes().size()).clear();
            forged.forEach(id -> chain.hashes().add(""));
        });
        copy.bypassingTheTrigger("delete from evidence_entry where id in (" + dropped.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + ")");
        copy.rehash(); // the entries up to the cut keep their hashes; the forger's are chained after them

        Long holds = superuser.queryForObject("select coalesce(max(seq), 0) from " + copy.schema
                + ".evidence_checkpoint where seq <= ?", Long.class, cut);
        long fails = superuser.queryForObject("select min(seq) from " + copy.schema + ".evidence_checkpoint where seq > ?",
                Long.class, cut);
        assertThat(commandLine(copy)).contains("TAMPERED at sequence " + (holds + 1) + ": the checkpoint at " + fails
                + " signed another head: entries " + (holds + 1) + " to " + fails + " were rewritten");

        copy.signedAt(cut); // a checkpoint the hub signed at the cut, before it: now the cut is named exactly
        assertThat(commandLine(copy)).contains("TAMPERED at sequence " + (cut + 1) + ": the checkpoint at " + fails
                + " signed another head: entries " + (cut + 1) + " to " + fails + " were rewritten");
    }

    private static String commandLine(LedgerCopy copy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyEvidenceCommand.run(List.of("--jdbc-url", copy.jdbcUrl(), "--user", copy.user(),
                "--password-env", "EVIDENCE_TEST_PASSWORD", "--public-key", LedgerCopy.hubKey()),
                Map.of("EVIDENCE_TEST_PASSWORD", ""), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        LedgerCopy copy = copy();
        copy.rewrite(chain -> Collections.swap(chain.ids(), 5, 6));
        VerificationReport report = copy.verify();
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(6);
    }
}
