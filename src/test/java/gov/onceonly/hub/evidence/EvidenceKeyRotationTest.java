package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation of the checkpoint key (docs/security.md, "Rotation"): the ledger's first checkpoints signed with key A, the
 * later ones with key B, A's public key kept in {@code hub.evidence.trusted-public-keys} (the signer's previous keys).
 * The whole-ledger verifier, the witnessed checkpoints and both receipt verifiers accept the old checkpoints and the
 * new; without A among the trusted keys, the first checkpoint A signed is reported.
 */
class EvidenceKeyRotationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EvidenceSigner A = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false, List.of());
    /** The hub after the rotation: key B, and A's public key trusted. */
    private static final EvidenceSigner B = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false,
            List.of(A.publicKey()));
    private static final EvidenceSigner WITNESS = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false,
            List.of());
    private static final Cosignature.WitnessKey WITNESS_KEY = new Cosignature.WitnessKey("test-witness", WITNESS.publicKey());

    private final List<LedgerEntry> entries = ChainVerifierTest.chain(8);
    /** Tree heads at 3 and 5 signed with A, at 8 with B. */
    private final List<Checkpoint> checkpoints = List.of(ChainVerifierTest.treeHead(entries, 3, A),
            ChainVerifierTest.treeHead(entries, 5, A), ChainVerifierTest.treeHead(entries, 8, B));

    @TempDir
    Path dir;

    private VerificationReport verify(List<String> trusted, WitnessedCheckpoints witnessed) {
        ChainVerifier verifier = new ChainVerifier(checkpoints, trusted, witnessed);
        entries.forEach(verifier::accept);
        return verifier.report();
    }

    @Test
    void theRotatedHubTrustsItsNewKeyAndTheOldOne() {
        assertThat(B.trustedKeys()).containsExactly(B.publicKey(), A.publicKey());
        assertThat(A.keyId()).isNotEqualTo(B.keyId());
    }

    @Test
    void theLedgerVerifiesWithBothKeysTrustedAndNamesTheFirstOldCheckpointWithoutTheOldKey() {
        VerificationReport rotated = verify(B.trustedKeys(), WitnessedCheckpoints.none());
        assertThat(rotated.intact()).as(rotated.toString()).isTrue();
        assertThat(rotated.checkpoints()).isEqualTo(3);

        VerificationReport newKeyOnly = verify(List.of(B.publicKey()), WitnessedCheckpoints.none());
        assertThat(newKeyOnly.intact()).isFalse();
        assertThat(newKeyOnly.firstBadSequence()).isEqualTo(3);
        assertThat(newKeyOnly.problem()).isEqualTo("the checkpoint at 3 is signed by key " + A.keyId() + ", which is not trusted");

        VerificationReport oldKeyOnly = verify(List.of(A.publicKey()), WitnessedCheckpoints.none());
        assertThat(oldKeyOnly.firstBadSequence()).as("the new checkpoint, without the new key").isEqualTo(8);
    }

    @Test
    void witnessedCheckpointsOfBothKeysAreReadWhenBothAreTrusted() throws Exception {
        Path file = dir.resolve("witnessed.jsonl");
        StringBuilder lines = new StringBuilder();
        for (Checkpoint c : checkpoints) {
            String body = c.note().substring(0, c.note().indexOf("\n\n") + 1);
            String witnessed = c.note() + Cosignature.sign(WITNESS_KEY.name(), WITNESS, body, 1_796_457_600L) + "\n";
            lines.append(JSON.writeValueAsString(java.util.Map.of("size", c.seq(), "note", witnessed))).append('\n');
        }
        Files.writeString(file, lines);

        WitnessedCheckpoints both = WitnessedCheckpoints.read(file, B.trustedKeys(), List.of(WITNESS_KEY));
        assertThat(both.roots()).containsOnlyKeys(3L, 5L, 8L);
        assertThat(both.warnings()).isEmpty();
        assertThat(verify(B.trustedKeys(), both).intact()).isTrue();

        WitnessedCheckpoints newKeyOnly = WitnessedCheckpoints.read(file, List.of(B.publicKey()), List.of(WITNESS_KEY));
        assertThat(newKeyOnly.roots()).containsOnlyKeys(8L);
        assertThat(newKeyOnly.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("not signed by a trusted hub key"));
    }

    /**
     * A receipt given before the rotation carries a checkpoint signed with A, one given after it a checkpoint signed
     * with B: each verifies, in Java and in Python, with its key (the hub publishes A among its previousKeys), and the
     * old one does not verify with the new key alone.
     */
    @Test
    void receiptsSignedBeforeAndAfterTheRotationVerifyWithTheirKeys() throws Exception {
        JsonNode before = receipt(entries.get(1), checkpoints.get(1));
        JsonNode after = receipt(entries.get(6), checkpoints.get(2));
        Path keyA = ReceiptVerifiers.pem("rotation-key-a", A.publicKey());
        Path keyB = ReceiptVerifiers.pem("rotation-key-b", B.publicKey());

        assertThat(ReceiptVerifier.verify(before, A.publicKey()).valid()).isTrue();
        assertThat(ReceiptVerifiers.both("rotation-before", before, keyA)).allSatisfy(out -> assertThat(out)
                .startsWith("valid: 1 entries").contains("in the tree of 5 entries"));
        assertThat(ReceiptVerifiers.both("rotation-after", after, keyB)).allSatisfy(out -> assertThat(out)
                .startsWith("valid: 1 entries").contains("in the tree of 8 entries"));
        assertThat(ReceiptVerifiers.both("rotation-before-new-key", before, keyB)).allSatisfy(out -> assertThat(out)
                .contains("INVALID: the checkpoint's note is not signed by this public key"));
        assertThat(ReceiptVerifiers.both("rotation-after-old-key", after, keyA)).allSatisfy(out -> assertThat(out)
                .contains("INVALID: the checkpoint's note is not signed by this public key"));
    }

    /** A receipt of one entry, with its inclusion proof into the checkpoint's tree, as the hub's Receipts give it. */
    private JsonNode receipt(LedgerEntry entry, Checkpoint checkpoint) {
        MerkleTree tree = MerkleTree.of(entries.stream().map(e -> MerkleTree.leafHash(Sha256.fromHex(e.entryHash()))).toList());
        UUID application = entry.applicationId();
        return JSON.valueToTree(new Receipt(application, List.of(Receipt.Entry.of(entry,
                tree.inclusionProof(entry.seq() - 1, checkpoint.seq()))), Receipt.TreeHead.of(checkpoint, List.of()),
                Receipt.HOW));
    }
}
