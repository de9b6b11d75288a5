package gov.onceonly.hub.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, section 2.1) over leaf hashes: MTH, inclusion proofs
 * (PATH) and consistency proofs (PROOF), and their verification. A leaf hash is {@code SHA-256(0x00 || leaf)}, a node
 * {@code SHA-256(0x01 || left || right)}, the root of no leaves {@code SHA-256("")}; a tree of n leaves splits at the
 * largest power of two below n. The hashes of complete subtrees never change once their leaves exist, so those of 256
 * leaves and more are kept: a proof over a large tree then costs a few hundred hashes, not the whole tree.
 */
public final class MerkleTree {

    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};
    private static final long CACHED_FROM = 256;

    /** The leaf hashes, by index from 0; the tree may be asked about any size up to {@link #size()}. */
    public interface Leaves {
        long size();

        byte[] leafHash(long index);
    }

    private final Leaves leaves;
    private final Map<Long, byte[]> complete = new ConcurrentHashMap<>();

    public MerkleTree(Leaves leaves) {
        this.leaves = leaves;
    }

    /** A tree over these leaf hashes. */
    public static MerkleTree of(List<byte[]> leafHashes) {
        return new MerkleTree(new Leaves() {
            public long size() {
                return leafHashes.size();
            }

            public byte[] leafHash(long index) {
                return leafHashes.get(Math.toIntExact(index));
            }
        });
    }

    public static byte[] leafHash(byte[] leaf) {
        return Sha256.digest(LEAF, leaf);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return Sha256.digest(NODE, left, right);
    }

    public long size() {
        return leaves.size();
    }

    /** MTH of the first {@code size} leaves. */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? Sha256.digest() : hash(0, size);
    }

    /** PATH(index, D[size]): the inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(from, D[to]): that the tree of {@code to} leaves extends the tree of {@code from} (0 < from <= to). */
    public List<byte[]> consistencyProof(long from, long to) {
        checkSize(to);
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (index < k) {
            path(index, start, k, proof);
            proof.add(hash(start + k, n - k));
        } else {
            path(index - k, start + k, n - k, proof);
            proof.add(hash(start, k));
        }
    }

    private void subproof(long m, long start, long n, boolean whole, List<byte[]> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(hash(start, n));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, k, whole, proof);
            proof.add(hash(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(hash(start, k));
        }
    }

    /** MTH of the {@code n} leaves from {@code start}. */
    private byte[] hash(long start, long n) {
        if (n == 1) {
            return leaves.leafHash(start);
        }
        boolean completeSubtree = n >= CACHED_FROM && Long.bitCount(n) == 1;
        if (completeSubtree) {
            byte[] known = complete.get(start * 2 + n); // start is a multiple of n: the pair is unique
            if (known != null) {
                return known;
            }
        }
        long k = split(n);
        byte[] hash = nodeHash(hash(start, k), hash(start + k, n - k));
        if (completeSubtree) {
            complete.put(start * 2 + n, hash);
        }
        return hash;
    }

    /** The largest power of two smaller than n (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("tree size " + size + " is not within 0.." + leaves.size());
        }
    }

    /** RFC 9162 2.1.3.2: whether {@code proof} shows the leaf at {@code index} in the tree of {@code size} with this root. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && java.security.MessageDigest.isEqual(r, root);
    }

    /** RFC 9162 2.1.4.2: whether {@code proof} shows the tree of {@code to} leaves (root2) extends that of {@code from} (root1). */
    public static boolean verifyConsistency(long from, long to, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (from < 1 || from > to) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && java.security.MessageDigest.isEqual(root1, root2);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.add(0, root1); // from is a power of two: the first subtree is the old tree itself
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && java.security.MessageDigest.isEqual(fr, root1) && java.security.MessageDigest.isEqual(sr, root2);
    }
}
