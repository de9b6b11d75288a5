package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    private static final String A = Sha256.hex("a".getBytes());
    private static final String B = Sha256.hex("b".getBytes());
    private static final String C = Sha256.hex("c".getBytes());

    private static byte[] leaf(String hash) {
        return Sha256.digest(new byte[] {0}, Sha256.fromHex(hash));
    }

    private static byte[] node(byte[] left, byte[] right) {
        return Sha256.digest(new byte[] {1}, left, right);
    }

    @Test
    void noEntriesHashToTheEmptyString() {
        assertThat(MerkleTree.root(List.of())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void oneEntryIsItsLeaf() {
        assertThat(MerkleTree.root(List.of(A))).isEqualTo(Sha256.toHex(leaf(A)));
    }

    @Test
    void twoEntriesAreOneNode() {
        assertThat(MerkleTree.root(List.of(A, B))).isEqualTo(Sha256.toHex(node(leaf(A), leaf(B))));
    }

    @Test
    void anOddNodeIsCarriedUpUnchanged() {
        assertThat(MerkleTree.root(List.of(A, B, C))).isEqualTo(Sha256.toHex(node(node(leaf(A), leaf(B)), leaf(C))));
        byte[] left = node(node(leaf(A), leaf(B)), node(leaf(C), leaf(A)));
        assertThat(MerkleTree.root(List.of(A, B, C, A, B))).isEqualTo(Sha256.toHex(node(left, leaf(B))));
    }

    @Test
    void orderMattersAndLeavesAreNotNodes() {
        assertThat(MerkleTree.root(List.of(A, B))).isNotEqualTo(MerkleTree.root(List.of(B, A)));
        // A leaf is prefixed 0x00 and a node 0x01: a node's hash passed as an entry does not give the same root.
        String nodeAsEntry = Sha256.toHex(node(leaf(A), leaf(B)));
        assertThat(MerkleTree.root(List.of(nodeAsEntry))).isNotEqualTo(MerkleTree.root(List.of(A, B)));
    }
}
