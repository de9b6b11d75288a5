package gov.onceonly.hub.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle root of a receipt's entries. SHA-256; a leaf is {@code SHA-256(0x00 || entry hash)} (the entry hash's
 * 32 bytes, in ledger order), a node {@code SHA-256(0x01 || left || right)}; a level with an odd number of nodes
 * carries its last node up unchanged; the root of no entries is {@code SHA-256("")}.
 */
public final class MerkleTree {

    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};

    private MerkleTree() {
    }

    public static String root(List<String> entryHashes) {
        if (entryHashes.isEmpty()) {
            return Sha256.hex(new byte[0]);
        }
        List<byte[]> level = new ArrayList<>(entryHashes.size());
        entryHashes.forEach(h -> level.add(Sha256.digest(LEAF, Sha256.fromHex(h))));
        List<byte[]> current = level;
        while (current.size() > 1) {
            List<byte[]> next = new ArrayList<>((current.size() + 1) / 2);
            for (int i = 0; i < current.size(); i += 2) {
                next.add(i + 1 < current.size() ? Sha256.digest(NODE, current.get(i), current.get(i + 1)) : current.get(i));
            }
            current = next;
        }
        return Sha256.toHex(current.get(0));
    }
}
