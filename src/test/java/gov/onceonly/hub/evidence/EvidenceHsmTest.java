package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.ProjectScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkpoint key in an HSM: SoftHSM2 through the JDK's PKCS#11 provider, an ECDSA P-256 key that never leaves
 * the token (the provider signs no Ed25519). A checkpoint signed there is a C2SP note of signature type 0x02, which
 * both receipt verifiers check. Skipped where SoftHSM2 is not installed and cannot be (scripts/softhsm-token).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceHsmTest {

    private static Path config;

    @BeforeAll
    static void aTokenWithAnEvidenceKey() throws Exception {
        ProjectScript.Result made = new ProjectScript("softhsm-token").run("", Duration.ofMinutes(3), "target/softhsm");
        assertThat(made.exitCode()).as(made.output()).isZero();
        config = Path.of(made.output().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    @Order(2)
    void checkpointsAreSignedInTheTokenAndVerifyWithItsPublicKey() throws Exception {
        EvidenceKeyStore.Entry entry = EvidenceKeyStore.load("PKCS11", config, "123456".toCharArray(), "evidence");
        assertThat(entry.key().getClass().getName()).as("a handle, not the key").contains("P11");
        EvidenceSigner signer = new EvidenceSigner(entry.key(), entry.publicKey(), false, List.of());
        assertThat(signer.algorithm()).isEqualTo("ECDSA P-256");

        LedgerEntry ledgerEntry = LedgerEntry.create(1, Instant.parse("2026-12-05T08:00:00Z"), EvidenceKind.INTAKE,
                UUID.randomUUID(), null, "sandbox-portal", Sha256.hex("{}".getBytes()), null, Sha256.GENESIS);
        byte[] root = MerkleTree.leafHash(Sha256.fromHex(ledgerEntry.entryHash()));
        String note = new CheckpointNote("onceonly-hub/evidence", 1, root, Instant.parse("2026-12-05T08:00:01Z")).sign(signer);
        assertThat(CheckpointNote.open(note, "onceonly-hub/evidence", signer.publicKey())).isPresent();
        String verifierKey = CheckpointNote.verifierKey("onceonly-hub/evidence", signer.publicKey());
        byte[] typed = java.util.Base64.getDecoder().decode(verifierKey.split("\\+", 3)[2]);
        assertThat(typed[0]).as("signature type ECDSA").isEqualTo((byte) 0x02);
        assertThat(java.util.Arrays.copyOfRange(typed, 1, typed.length))
                .isEqualTo(java.util.Base64.getDecoder().decode(signer.publicKey()));

        Path dir = Files.createDirectories(Path.of("target", "receipts"));
        Path receipt = dir.resolve("hsm-receipt.json");
        Files.writeString(receipt, new ObjectMapper().writeValueAsString(receipt(ledgerEntry, signer, root, note)));
        Path key = Files.writeString(dir.resolve("hsm-key.pem"),
                "-----BEGIN PUBLIC KEY-----\n" + signer.publicKey() + "\n-----END PUBLIC KEY-----\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int java = VerifyReceiptCommand.run(List.of(receipt.toString(), "--public-key", key.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(java).as(out.toString(StandardCharsets.UTF_8)).isZero();
        ProjectScript.Result python = new ProjectScript("verify-receipt.py").run("", Duration.ofMinutes(1),
                receipt.toString(), "--public-key", key.toString());
        assertThat(python.exitCode()).as(python.output()).isZero();
    }

    /** First: once the process has logged in to the token, PKCS#11 keeps it logged in whatever PIN comes next. */
    @Test
    @Order(1)
    void aWrongPinIsRefusedNamingWhereItComesFrom() {
        assertThatThrownBy(() -> EvidenceKeyStore.load("PKCS11", config, "000000".toCharArray(), "evidence"))
                .hasMessageContaining("hub.evidence.key-store").hasMessageContaining("PIN");
    }

    /** A receipt of one entry in a tree of one: its inclusion proof is empty. */
    private static Map<String, Object> receipt(LedgerEntry e, EvidenceSigner signer, byte[] root, String note) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", e.seq());
        entry.put("recordedAt", e.recordedAt().toString());
        entry.put("recordedAtMicros", Long.parseLong(Canonical.micros(e.recordedAt())));
        entry.put("kind", e.kind().name());
        entry.put("applicationId", e.applicationId().toString());
        entry.put("item", null);
        entry.put("party", e.party());
        entry.put("payloadSha256", e.payloadSha256());
        entry.put("detail", null);
        entry.put("prevHash", e.prevHash());
        entry.put("entryHash", e.entryHash());
        entry.put("leafIndex", 0);
        entry.put("inclusionProof", List.of());
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("origin", "onceonly-hub/evidence");
        checkpoint.put("treeSize", 1);
        checkpoint.put("rootHash", Sha256.toHex(root));
        checkpoint.put("publicKey", signer.publicKey());
        checkpoint.put("note", note);
        checkpoint.put("cosignatures", List.of());
        return Map.of("applicationId", e.applicationId().toString(), "entries", List.of(entry), "checkpoint", checkpoint);
    }
}
