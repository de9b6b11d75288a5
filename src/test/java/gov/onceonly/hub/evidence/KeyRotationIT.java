package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkpoint key rotated on a {@link LedgerCopy} (docs/security.md, "Rotation"): checkpoints signed with key A,
 * then the hub restarted with key B and A's public key in {@code hub.evidence.trusted-public-keys} (the signer's
 * previous keys). The rotated hub signs on top of A's checkpoints; {@code verify-evidence} with both keys, the hub's
 * own verification and both receipt verifiers accept the old checkpoints and the new; without A trusted, the first
 * checkpoint A signed is reported, and a hub rotated without trusting A refuses to sign on top of it.
 */
class KeyRotationIT extends TamperingOnACopy {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checkpointsSignedBeforeARotationStayVerifiable() throws Exception {
        LedgerCopy copy = copy();
        copy.bypassingTheTrigger("delete from evidence_checkpoint", "delete from evidence_cosignature"); // signed below by keys the test holds
        EvidenceSigner a = LedgerCopy.signer();
        String newKey = Ed25519Keys.generate();
        EvidenceSigner b = new EvidenceSigner(Ed25519Keys.privateKey(newKey), false, List.of(a.publicKey()));
        EvidenceSigner forgotTheOldKey = new EvidenceSigner(Ed25519Keys.privateKey(newKey), false, List.of());
        UUID application = UUID.fromString(applicationId);
        JsonNode before;
        JsonNode after;
        try (Connection c = copy.connect()) {
            // Key A signs a checkpoint at 4 and one over every entry; the application's receipt leads to the latter.
            LedgerCopy.checkpointsOver(c, a).checkpoint(4);
            LedgerCopy.checkpointsOver(c, a).checkpoint(copy.last());
            before = JSON.valueToTree(LedgerCopy.receiptsOver(c, a).of(application).orElseThrow());
            assertThat(before.path("checkpoint").path("treeSize").asLong()).isEqualTo(copy.last());

            // The hub restarts with key B; the application gets another entry (a department's report), chained and
            // signed when its receipt is asked for. A hub that was not told to trust A refuses to sign over A's.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into evidence_entry (kind, application_id, party, payload_sha256, event_key) "
                        + "values ('STATUS', '" + application + "', 'it-rotation', '" + Sha256.hex(null) + "', "
                        + "'STATUS:rotation:" + UUID.randomUUID() + "')");
            }
            long signedByA = copy.last();
            assertThatThrownBy(() -> LedgerCopy.receiptsOver(c, forgotTheOldKey).of(application))
                    .isInstanceOf(EvidenceTamperedException.class)
                    .hasMessageContaining("the checkpoint at " + signedByA + " does not carry a valid signature by a trusted key");
            after = JSON.valueToTree(LedgerCopy.receiptsOver(c, b).of(application).orElseThrow());
            assertThat(LedgerVerification.verify(c, b.trustedKeys()).intact()).as("the hub's own verification").isTrue();
        }
        assertThat(copy.last()).isGreaterThan(before.path("checkpoint").path("treeSize").asLong());
        assertThat(after.path("checkpoint").path("keyId").asText()).isEqualTo(b.keyId());
        assertThat(after.path("checkpoint").path("treeSize").asLong()).isEqualTo(copy.last());

        assertThat(commandLine(copy, 0, b.publicKey(), a.publicKey()))
                .contains("intact: " + copy.last() + " entries, 3 signed checkpoints, the last at " + copy.last());
        assertThat(commandLine(copy, 1, b.publicKey())).contains("TAMPERED at sequence 4: the checkpoint at 4 is signed "
                + "by key " + a.keyId() + ", which is not trusted");

        Path keyA = ReceiptVerifiers.pem("rotation-old-key", a.publicKey());
        Path keyB = ReceiptVerifiers.pem("rotation-new-key", b.publicKey());
        assertThat(ReceiptVerifiers.both("rotation-receipt-before", before, keyA))
                .allSatisfy(out -> assertThat(out).startsWith("valid: "));
        assertThat(ReceiptVerifiers.both("rotation-receipt-after", after, keyB))
                .allSatisfy(out -> assertThat(out).startsWith("valid: "));
        assertThat(ReceiptVerifiers.both("rotation-receipt-before-new-key", before, keyB)).allSatisfy(out -> assertThat(out)
                .contains("INVALID: the checkpoint's note is not signed by this public key"));
    }

    /** verify-evidence on the copy with these trusted keys; asserts the exit code, returns the output. */
    private static String commandLine(LedgerCopy copy, int exit, String... keys) {
        List<String> args = new ArrayList<>(List.of("--jdbc-url", copy.jdbcUrl(), "--user", copy.user(),
                "--password-env", "EVIDENCE_TEST_PASSWORD"));
        for (String key : keys) {
            args.addAll(List.of("--public-key", key));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyEvidenceCommand.run(args, Map.of("EVIDENCE_TEST_PASSWORD", ""),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(exit);
        return out.toString(StandardCharsets.UTF_8);
    }
}
