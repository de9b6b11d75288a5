package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A history rewritten by someone holding the database: the hub refuses to sign over it, and, when its checkpoints
 * were rewritten too, the witnessed checkpoints kept outside the database name it.
 */
class RewrittenHistoryIT extends TamperingOnACopy {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Before it signs a tree head, the hub checks the new entries and the tree against the last one it signed. */
    @Test
    void noCheckpointIsSignedOverAnEntryChangedSinceTheLastOne() throws Exception {
        LedgerCopy copy = copy();
        copy.bypassingTheTrigger("delete from evidence_checkpoint");
        try (Connection c = copy.connect()) {
            Checkpoints checkpoints = LedgerCopy.checkpointsOver(c);
            assertThat(checkpoints.checkpoint(4).signatureValid()).isTrue();
            copy.bypassingTheTrigger("update evidence_entry set party = 'impostor' where id = " + copy.idAt(6));
            long last = copy.last();
            assertThatThrownBy(() -> checkpoints.checkpoint(last)).isInstanceOf(EvidenceTamperedException.class)
                    .hasMessageContaining("entry 6 does not hash as its block recorded");
            assertThat(checkpoints.latestTreeHead().orElseThrow().seq()).isEqualTo(4);
        }
    }

    /** The history rewritten with every hash recomputed: consistent in itself, but not with the root signed before. */
    @Test
    void noCheckpointIsSignedOverARewrittenHistory() throws Exception {
        LedgerCopy copy = copy();
        copy.bypassingTheTrigger("delete from evidence_checkpoint");
        try (Connection c = copy.connect()) {
            LedgerCopy.checkpointsOver(c).checkpoint(4);
            copy.bypassingTheTrigger("update evidence_entry set party = 'impostor' where id = " + copy.idAt(3));
            copy.rehash();
            Checkpoints restarted = LedgerCopy.checkpointsOver(c); // a hub started on the rewritten database
            long last = copy.last();
            assertThatThrownBy(() -> restarted.checkpoint(last)).isInstanceOf(EvidenceTamperedException.class)
                    .hasMessageContaining("the ledger's first 4 entries are not those the checkpoint at 4 signed");
        }
        VerificationReport report = copy.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBadSequence()).as(report.toString()).isLessThanOrEqualTo(3);
    }

    /**
     * A forger rewrites an entry, rehashes the chain and replaces the checkpoints with ones a hub signed over the
     * rewrite: the database alone now says intact. The witnessed checkpoints an auditor kept do not.
     */
    @Test
    void aRewriteWithTheCheckpointsRewrittenToMatchIsFoundByTheWitnessedCheckpoints() throws Exception {
        LedgerCopy copy = copy();
        Path kept = witnessedUpTo(copy.last());
        copy.bypassingTheTrigger("update evidence_entry set party = 'impostor' where id = " + copy.idAt(3),
                "delete from evidence_checkpoint");
        copy.rehash();
        signedAgain(copy);
        assertThat(copy.verify().intact()).as("the database alone cannot tell").isTrue();

        VerificationReport report = verifiedAgainst(copy, kept);
        assertThat(report.intact()).isFalse();
        // Named from the last witnessed checkpoint that still holds: at or before the rewritten entry 3.
        assertThat(report.firstBadSequence()).as(report.toString()).isBetween(1L, 3L);
        assertThat(report.problem()).contains("not those the witnesses cosigned");
        assertThat(commandLine(copy, kept)).containsPattern("TAMPERED at sequence [123]: entries");
    }

    /** The tail cut off and other entries put in its place, the checkpoints replaced to match: the witnesses tell. */
    @Test
    void aTailTruncatedAndReplacedIsFoundByTheWitnessedCheckpoints() throws Exception {
        LedgerCopy copy = copy();
        long last = copy.last();
        Path kept = witnessedUpTo(last);
        // The three entries up to the last witnessed checkpoint go, rows and all; three of the forger's take their place.
        int end = (int) signedHead;
        List<Long> dropped = List.copyOf(copy.chain().ids().subList(end - 3, end));
        long forged = superuser.queryForObject("select max(id) + 1000000 from " + copy.schema + ".evidence_entry", Long.class);
        for (int i = 0; i < 3; i++) {
            superuser.update("insert into " + copy.schema + ".evidence_entry (id, xid, kind, party, payload_sha256, event_key) "
                    + "values (?, '1', 'PUSH', 'forger', ?, ?)", forged + i, Sha256.hex(new byte[] {(byte) i}), "forged-" + i);
        }
        copy.rewrite(chain -> {
            for (int i = 0; i < 3; i++) {
                chain.ids().set(end - 3 + i, forged + i);
            }
        });
        copy.bypassingTheTrigger("delete from evidence_entry where id in (" + dropped.get(0) + ", " + dropped.get(1) + ", "
                + dropped.get(2) + ")");
        copy.bypassingTheTrigger("delete from evidence_checkpoint");
        copy.rehash();
        signedAgain(copy);
        assertThat(copy.verify().intact()).as("the database alone cannot tell").isTrue();

        VerificationReport report = verifiedAgainst(copy, kept);
        assertThat(report.intact()).as(report.toString()).isFalse();
        assertThat(report.firstBadSequence()).as(report.toString()).isBetween(1L, signedHead - 2);
        assertThat(report.problem()).contains("not those the witnesses cosigned");
        assertThat(commandLine(copy, kept)).contains("TAMPERED at sequence");
    }

    /** A hub started on the rewritten copy, its checkpoints gone, signs what it finds. */
    private static void signedAgain(LedgerCopy copy) throws Exception {
        try (Connection c = copy.connect()) {
            LedgerCopy.checkpointsOver(c).checkpoint(copy.last());
        }
    }

    /** The witnessed checkpoints the shared hub published, up to the copy's size, as an auditor keeps them. */
    private Path witnessedUpTo(long size) throws IOException {
        Path published = Path.of(env.getRequiredProperty("hub.evidence.checkpoint-file"));
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(published)
                && Files.readAllLines(published).stream().anyMatch(line -> sizeOf(line) == signedHead));
        Path kept = Files.createTempFile("witnessed", ".jsonl");
        Files.write(kept, Files.readAllLines(published).stream().filter(line -> sizeOf(line) <= size).toList());
        return kept;
    }

    private VerificationReport verifiedAgainst(LedgerCopy copy, Path witnessed) throws Exception {
        try (Connection c = copy.connect()) {
            return LedgerVerification.verify(c, List.of(LedgerCopy.hubKey()), WitnessedCheckpoints.read(witnessed,
                    List.of(LedgerCopy.hubKey()), List.of(Cosignature.WitnessKey.parse(witnessKey()))));
        }
    }

    private String commandLine(LedgerCopy copy, Path witnessed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyEvidenceCommand.run(List.of("--jdbc-url", copy.jdbcUrl(), "--user", copy.user(),
                "--password-env", "EVIDENCE_TEST_PASSWORD", "--public-key", LedgerCopy.hubKey(),
                "--witnessed", witnessed.toString(), "--witness-key", witnessKey()),
                Map.of("EVIDENCE_TEST_PASSWORD", ""), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String witnessKey() {
        return env.getRequiredProperty("hub.evidence.witnesses.sandbox.verifier-key");
    }

    private static long sizeOf(String publishedLine) {
        try {
            return JSON.readTree(publishedLine).path("size").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
