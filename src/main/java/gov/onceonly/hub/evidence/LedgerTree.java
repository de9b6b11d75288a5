package gov.onceonly.hub.evidence;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger as an RFC 9162 Merkle tree: leaf i is entry i + 1's hash (its 32 bytes), so the leaf hash is
 * SHA-256(0x00 || entry hash). The leaf hashes are kept in memory, read once from the blocks as they are closed
 * (blocks are written once), so checkpoints and proofs do not read the whole ledger again. 32 bytes per entry: a
 * ledger of ten million entries takes 320 MB; past that, tiles stored beside the blocks would replace this list.
 */
public class LedgerTree implements MerkleTree.Leaves {

    private final JdbcTemplate jdbc;
    private final List<byte[]> leafHashes = new ArrayList<>();
    private final MerkleTree tree = new MerkleTree(this);
    private long blocksRead;

    public LedgerTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the blocks closed since the last call; returns the tree over every chained entry. */
    public synchronized MerkleTree sync() {
        jdbc.query("select seq, first_entry, entry_hashes from evidence_block where seq > ? order by seq", rs -> {
            long first = rs.getLong(2);
            if (first != leafHashes.size() + 1) {
                throw new IllegalStateException("evidence block " + rs.getLong(1) + " starts at entry " + first
                        + " where entry " + (leafHashes.size() + 1) + " was due: the blocks were changed");
            }
            for (String hash : (String[]) rs.getArray(3).getArray()) {
                leafHashes.add(MerkleTree.leafHash(Sha256.fromHex(hash)));
            }
            blocksRead = rs.getLong(1);
        }, blocksRead);
        return tree;
    }

    @Override
    public synchronized long size() {
        return leafHashes.size();
    }

    @Override
    public synchronized byte[] leafHash(long index) {
        return leafHashes.get(Math.toIntExact(index));
    }
}
