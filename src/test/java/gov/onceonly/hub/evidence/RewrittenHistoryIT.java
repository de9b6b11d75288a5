package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A history rewritten by someone holding the database: the hub refuses to sign over it, and, when its checkpoints
 * were rewritten too, the witnessed checkpoints kept outside the database name it: an entry changed, deleted, inserted
 * or moved, or the tail cut off and replaced, each with the chain rehashed and the checkpoints signed again over it.
 *
 * <p>Named from where, exactly: a witnessed checkpoint holds the root of its tree, one hash, not its entries' hashes.
 * The first entry after the last witnessed root that still holds is the first bad position named; the problem names the
 * range up to the first root that fails, and the changed entry is in it. It cannot be narrowed further soundly: proving
 * that a leaf is (or is not) in the witnessed tree takes that tree's inner hashes, hashes of the original entries,
 * which the rewrite took away and the witnesses never had; from the database's entries every leaf leads to the
 * database's root alike. So where witnessed roots fall on both sides of the changed entry it is named exactly, and
 * otherwise the range is (ChainVerifierTest shows both).
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
        assertFoundFrom(copy, kept, 3);
    }

    @Test
    void aDeletedEntryWithTheCheckpointsRewrittenToMatchIsFoundByTheWitnessedCheckpoints() throws Exception {
        LedgerCopy copy = copy();
        Path kept = witnessedUpTo(copy.last());
        copy.delete(5);
        rewrittenToMatch(copy);
        assertFoundFrom(copy, kept, 5);
    }

    @Test
    void anInsertedEntryWithTheCheckpointsRewrittenToMatchIsFoundByTheWitnessedCheckpoints() throws Exception {
        LedgerCopy copy = copy();
        Path kept = witnessedUpTo(copy.last());
        long forged = copy.forged("impostor");
        copy.rewrite(chain -> { // at 5; rehashed below
            chain.ids().add(4, forged);
            chain.hashes().add(4, "");
        });
        rewrittenToMatch(copy);
        assertFoundFrom(copy, kept, 5);
    }

    @Test
    void reorderedEntriesWithTheCheckpointsRewrittenToMatchAreFoundByTheWitnessedCheckpoints() throws Exception {
        LedgerCopy copy = copy();
        Path kept = witnessedUpTo(copy.last());
        copy.rewrite(chain -> Collections.swap(chain.ids(), 4, 5)); // entries 5 and 6
        rewrittenToMatch(copy);
        assertFoundFrom(copy, kept, 5);
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
        rewrittenToMatch(copy);
        assertFoundFrom(copy, kept, end - 2);
    }

    /**
     * A receipt from the rewritten ledger: the forger changed one of the application's entries, rechained the ledger
     * and signed a checkpoint over it with a key of their own, as a hub would. Their receipt holds together under their
     * key, and both verifiers refuse it with the hub's; the forged entry put into the hub's own receipt is refused too,
     * while the receipt the hub gave before still verifies.
     */
    @Test
    void aReceiptFromTheRewrittenLedgerIsRefusedByBothVerifiersWithTheHubsKey() throws Exception {
        JsonNode real = hub.body(hub.get("/api/v1/applications/" + applicationId + "/receipt"));
        signedHead = real.path("checkpoint").path("treeSize").asLong(); // the copy holds every entry of the receipt
        LedgerCopy copy = copy();
        long seq = real.path("entries").get(0).path("seq").asLong();
        copy.bypassingTheTrigger("update evidence_entry set party = 'impostor' where id = " + copy.idAt(seq),
                "delete from evidence_checkpoint", "delete from evidence_cosignature");
        copy.rehash();
        EvidenceSigner forger = LedgerCopy.freshSigner();
        JsonNode forged;
        try (Connection c = copy.connect()) {
            forged = JSON.valueToTree(LedgerCopy.receiptsOver(c, forger).of(UUID.fromString(applicationId)).orElseThrow());
        }
        assertThat(forged.path("entries").get(0).path("party").asText()).isEqualTo("impostor");
        Path hubKey = ReceiptVerifiers.pem("hub-key", LedgerCopy.hubKey());
        Path forgerKey = ReceiptVerifiers.pem("forger-key", forger.publicKey());

        assertThat(ReceiptVerifiers.both("forged-receipt", forged, forgerKey)).as("the forgery holds together")
                .allSatisfy(out -> assertThat(out).startsWith("valid: "));
        assertThat(ReceiptVerifiers.both("forged-receipt", forged, hubKey))
                .allSatisfy(out -> assertThat(out).contains("INVALID: the checkpoint's note is not signed by this public key"));
        JsonNode spliced = real.deepCopy();
        ((ArrayNode) spliced.path("entries")).set(0, forged.path("entries").get(0));
        assertThat(ReceiptVerifiers.both("spliced-receipt", spliced, hubKey)).allSatisfy(out -> assertThat(out)
                .contains("INVALID: entry " + seq + ": its inclusion proof does not lead to the signed root"));
        assertThat(ReceiptVerifiers.both("real-receipt", real, hubKey)).as("the receipt the hub gave")
                .allSatisfy(out -> assertThat(out).startsWith("valid: "));
    }

    /** The forger's last steps: the database's checkpoints deleted, the chain rehashed, a hub signing it again. */
    private static void rewrittenToMatch(LedgerCopy copy) throws Exception {
        copy.bypassingTheTrigger("delete from evidence_checkpoint", "delete from evidence_cosignature");
        copy.rehash();
        signedAgain(copy);
    }

    /** A hub started on the rewritten copy, its checkpoints gone, signs what it finds. */
    private static void signedAgain(LedgerCopy copy) throws Exception {
        try (Connection c = copy.connect()) {
            LedgerCopy.checkpointsOver(c).checkpoint(copy.last());
        }
    }

    /**
     * The database alone says intact; against the witnessed checkpoints the hub and the command line name the first
     * entry after the last witnessed root below {@code firstChanged}, and the range up to the first witnessed size at
     * or after it (or, when the ledger now ends before that size, that entries were deleted).
     */
    private void assertFoundFrom(LedgerCopy copy, Path kept, long firstChanged) throws Exception {
        assertThat(copy.verify().intact()).as("the database alone cannot tell").isTrue();
        java.util.NavigableSet<Long> sizes = witnessed(kept).roots().navigableKeySet();
        long from = (sizes.lower(firstChanged) == null ? 0 : sizes.lower(firstChanged)) + 1;
        long to = sizes.ceiling(firstChanged);
        VerificationReport report = verifiedAgainst(copy, kept);
        assertThat(report.intact()).as(report.toString()).isFalse();
        assertThat(report.firstBadSequence()).as("witnessed sizes %s, changed at %d: %s", sizes, firstChanged, report)
                .isEqualTo(from);
        if (to > copy.last()) {
            assertThat(report.problem()).startsWith("entries were deleted: the witnesses cosigned a tree of");
        } else if (from == to) {
            assertThat(report.problem()).startsWith("entry " + to + " is not the one the witnesses cosigned");
        } else {
            assertThat(report.problem()).startsWith("entries " + from + " to " + to + " are not those the witnesses cosigned")
                    .contains("the witnesses' roots cannot tell");
        }
        assertThat(commandLine(copy, kept)).contains("TAMPERED at sequence " + from + ": ");
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
            return LedgerVerification.verify(c, List.of(LedgerCopy.hubKey()), witnessed(witnessed));
        }
    }

    private WitnessedCheckpoints witnessed(Path file) throws IOException {
        return WitnessedCheckpoints.read(file, List.of(LedgerCopy.hubKey()),
                List.of(Cosignature.WitnessKey.parse(witnessKey())));
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
