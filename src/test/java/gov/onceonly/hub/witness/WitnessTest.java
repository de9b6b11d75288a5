package gov.onceonly.hub.witness;

import gov.onceonly.hub.evidence.CheckpointNote;
import gov.onceonly.hub.evidence.Cosignature;
import gov.onceonly.hub.evidence.Ed25519Keys;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.evidence.MerkleTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The witness cosigns only what extends what it cosigned before, and remembers it across restarts. */
class WitnessTest {

    private static final String ORIGIN = "onceonly-hub/evidence";
    private static final EvidenceSigner HUB = signer();
    private static final EvidenceSigner WITNESS_KEY = signer();

    @TempDir
    Path dir;

    private final MerkleTree tree = tree(null);

    @Test
    void itCosignsTheFirstCheckpointAndEachConsistentOne() {
        Witness witness = witness();
        Witness.Answer first = witness.addCheckpoint(request(0, List.of(), note(tree, 4, HUB)));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String note = note(tree, 4, HUB);
        Cosignature.WitnessKey key = Cosignature.WitnessKey.parse(witness.verifierKey());
        assertThat(Cosignature.verify(note + first.body(), key)).isPresent();

        Witness.Answer next = witness.addCheckpoint(request(4, tree.consistencyProof(4, 8), note(tree, 8, HUB)));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(Cosignature.verify(note(tree, 8, HUB) + next.body(), key)).isPresent();
        assertThat(Cosignature.verify(note(tree, 4, HUB) + next.body(), key)).as("a cosignature of another checkpoint").isEmpty();
    }

    @Test
    void itRefusesARewrittenHistoryEvenAfterARestart() {
        witness().addCheckpoint(request(0, List.of(), note(tree, 4, HUB)));
        MerkleTree rewritten = tree(2);
        Witness restarted = witness();
        Witness.Answer refused = restarted.addCheckpoint(request(4, rewritten.consistencyProof(4, 8), note(rewritten, 8, HUB)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("does not extend the one of 4");
        assertThat(restarted.addCheckpoint(request(4, tree.consistencyProof(4, 8), note(tree, 8, HUB))).status())
                .as("the true history still is cosigned").isEqualTo(200);
    }

    @Test
    void itAnswersWhatItHoldsWhenTheLogIsBehindAndRefusesStrangers() {
        Witness witness = witness();
        witness.addCheckpoint(request(0, List.of(), note(tree, 4, HUB)));
        Witness.Answer behind = witness.addCheckpoint(request(0, List.of(), note(tree, 8, HUB)));
        assertThat(behind.status()).isEqualTo(409);
        assertThat(behind.body().strip()).isEqualTo("4");
        assertThat(witness.addCheckpoint(request(4, tree.consistencyProof(4, 8), note(tree, 8, signer()))).status())
                .as("signed by another key").isEqualTo(403);
        assertThat(witness.addCheckpoint(request(0, List.of(), note(tree, 4, HUB).replace(ORIGIN, "another-log"))).status())
                .isEqualTo(404);
        assertThat(witness.addCheckpoint("no blank line").status()).isEqualTo(400);
        assertThat(witness.addCheckpoint("old 4\nnot base64!\n\n" + note(tree, 8, HUB)).status()).isEqualTo(400);
    }

    private Witness witness() {
        return new Witness("test-witness", WITNESS_KEY, Map.of(ORIGIN, HUB.publicKey()), dir.resolve("state"), Clock.systemUTC());
    }

    private static String request(long old, List<byte[]> proof, String note) {
        StringBuilder body = new StringBuilder("old " + old + "\n");
        proof.forEach(p -> body.append(Base64.getEncoder().encodeToString(p)).append('\n'));
        return body.append('\n').append(note).toString();
    }

    private static String note(MerkleTree tree, long size, EvidenceSigner signer) {
        return new CheckpointNote(ORIGIN, size, tree.root(size), Instant.parse("2026-12-05T08:00:00Z")).sign(signer);
    }

    /** Eight leaves; {@code changed}, when given, is the leaf a forger rewrote. */
    private static MerkleTree tree(Integer changed) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (changed != null && changed == i ? 99 : 0)}));
        }
        return MerkleTree.of(leaves);
    }

    private static EvidenceSigner signer() {
        return new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false, List.of());
    }
}
