package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 9162's tree, checked against the Certificate Transparency reference test vectors (the eight leaves of RFC 6962's
 * reference implementation, their roots, inclusion and consistency proofs), then every proof of many trees both ways.
 */
class MerkleTreeTest {

    private static final List<byte[]> LEAVES = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(MerkleTree::leafHash).toList();

    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final MerkleTree tree = MerkleTree.of(LEAVES);

    @Test
    void rootsOfEverySizeAreTheReferenceRoots() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HexFormat.of().formatHex(tree.root(size))).as("size " + size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsAreTheReferenceProofs() {
        assertInclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistencyProofsAreTheReferenceProofs() {
        assertConsistency(1, 1);
        assertConsistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    /** Every leaf of every tree up to 70 leaves, every pair of sizes: the proofs verify, and a changed one does not. */
    @Test
    void everyProofOfManyTreesVerifiesAndAnAlteredOneDoesNot() {
        Random random = new Random(9162);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            byte[] data = new byte[1 + random.nextInt(12)];
            random.nextBytes(data);
            leaves.add(MerkleTree.leafHash(data));
        }
        MerkleTree big = MerkleTree.of(leaves);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = big.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = big.inclusionProof(index, size);
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root)).isTrue();
                assertThat(MerkleTree.verifyInclusion(index, size, flipped(leaves.get(index)), proof, root)).isFalse();
            }
            for (int from = 1; from <= size; from++) {
                List<byte[]> proof = big.consistencyProof(from, size);
                assertThat(MerkleTree.verifyConsistency(from, size, proof, big.root(from), root)).as(from + "->" + size).isTrue();
                assertThat(MerkleTree.verifyConsistency(from, size, proof, flipped(big.root(from)), root)).isFalse();
                assertThat(MerkleTree.verifyConsistency(from, size, proof, big.root(from), flipped(root))).isFalse();
            }
        }
    }

    @Test
    void aRewrittenHistoryIsNotConsistentWithTheRootSignedBefore() {
        List<byte[]> rewritten = new ArrayList<>(LEAVES);
        rewritten.set(2, MerkleTree.leafHash(new byte[] {9}));
        MerkleTree other = MerkleTree.of(rewritten);
        List<byte[]> proof = other.consistencyProof(4, 8);
        assertThat(MerkleTree.verifyConsistency(4, 8, proof, tree.root(4), other.root(8))).isFalse();
        assertThat(MerkleTree.verifyConsistency(4, 8, proof, other.root(4), other.root(8))).isTrue();
    }

    @Test
    void askingOutsideTheTreeIsRefused() {
        assertThatThrownBy(() -> tree.root(9)).hasMessageContaining("tree size 9");
        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).hasMessageContaining("leaf 8");
        assertThatThrownBy(() -> tree.consistencyProof(0, 8)).hasMessageContaining("from 0");
        assertThat(MerkleTree.verifyInclusion(8, 8, LEAVES.get(0), List.of(), tree.root(8))).isFalse();
    }

    private void assertInclusion(int index, int size, String... expected) {
        List<byte[]> proof = tree.inclusionProof(index, size);
        assertThat(proof.stream().map(HexFormat.of()::formatHex)).containsExactly(expected);
        assertThat(MerkleTree.verifyInclusion(index, size, LEAVES.get(index), proof, tree.root(size))).isTrue();
        assertThat(MerkleTree.verifyInclusion(index, size, LEAVES.get(index), proof, tree.root(0))).isFalse();
    }

    private void assertConsistency(int from, int to, String... expected) {
        List<byte[]> proof = tree.consistencyProof(from, to);
        assertThat(proof.stream().map(HexFormat.of()::formatHex)).containsExactly(expected);
        assertThat(MerkleTree.verifyConsistency(from, to, proof, tree.root(from), tree.root(to))).isTrue();
    }

    private static byte[] flipped(byte[] hash) {
        byte[] copy = hash.clone();
        copy[0] ^= 1;
        return copy;
    }

    private static List<byte[]> hex(String... values) {
        return java.util.Arrays.stream(values).map(HexFormat.of()::parseHex).toList();
    }
}
