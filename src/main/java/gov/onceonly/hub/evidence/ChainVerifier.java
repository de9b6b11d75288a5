package gov.onceonly.hub.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Recomputes the chain, entry by entry in sequence order, against the signed checkpoints. Stops at the first entry
 * that is not as appended: a gap (deleted), a hash that does not match the entry's contents (changed, reordered),
 * a hash that matches the contents one sequence number lower (an entry was inserted before it and the rest
 * renumbered), a successor whose previous hash is not the entry's (the entry was replaced or rewritten with its hash
 * recomputed; the entry is named, not its successor), or a checkpoint that signed another head or another Merkle root
 * (RFC 9162) than the entries up to it give. Checkpoints must carry a valid signature, by a trusted key when trusted keys are given.
 *
 * <p>A signed root, the database's or a witness's, covers its entries through one hash: when the entries no longer give
 * it, one of them at least is not as appended, but the root cannot say which. The entries before the last root that
 * still holds are proven; the first entry after it is the first bad position that can be named soundly, and the problem
 * names the range up to the root that fails. Narrowing it further would take the original entries' hashes (an
 * inclusion proof of each needs the original tree's inner hashes), which a rewrite of the database took away and a
 * checkpoint does not carry; naming a later entry would vouch for entries nothing proves.
 */
public final class ChainVerifier {

    private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final List<String> trustedKeys;
    private final List<String> warnings = new ArrayList<>();
    /** The RFC 9162 tree of the entries accepted so far, for the roots that checkpoints signed. */
    private final List<byte[]> leafHashes = new ArrayList<>();
    private final MerkleTree tree = MerkleTree.of(leafHashes);
    private long expected = 1;
    private LedgerEntry previous;
    private long lastGoodCheckpoint;
    /** A checkpoint that signed another head than its entry's; decided with the next entry. */
    private Checkpoint unmatched;
    private Long firstBad;
    private String problem;

    /** Tree roots that witnesses cosigned, by size, kept outside the database: what a rewrite of it cannot reach. */
    private final NavigableMap<Long, String> witnessed;
    private long lastGoodWitnessed;

    public ChainVerifier(List<Checkpoint> checkpoints, List<String> trustedKeys) {
        this(checkpoints, trustedKeys, WitnessedCheckpoints.none());
    }

    public ChainVerifier(List<Checkpoint> checkpoints, List<String> trustedKeys, WitnessedCheckpoints witnessed) {
        checkpoints.forEach(c -> this.checkpoints.put(c.seq(), c));
        this.trustedKeys = List.copyOf(trustedKeys);
        this.witnessed = witnessed.roots();
        warnings.addAll(witnessed.warnings());
    }

    /** Takes the next entry in sequence order; returns false once a bad entry is found (the rest is not needed). */
    public boolean accept(LedgerEntry entry) {
        if (firstBad != null) {
            return false;
        }
        if (unmatched != null) {
            if (entry.seq() == unmatched.seq() + 1 && entry.entryHash().equals(unmatched.headHash())) {
                return fail(unmatched.seq(), "entry " + unmatched.seq() + " was inserted: the head the checkpoint at "
                        + unmatched.seq() + " signed is now entry " + entry.seq());
            }
            return rewritten(unmatched);
        }
        if (entry.seq() != expected) {
            return fail(expected, entry.seq() > expected ? "entry " + expected + " is missing (deleted)"
                    : "entry " + entry.seq() + " is out of sequence");
        }
        if (!entry.computedHash().equals(entry.entryHash())) {
            if (previous != null && renumbered(entry)) {
                return fail(previous.seq(), "entry " + previous.seq() + " was inserted: the entries after it were renumbered");
            }
            return fail(entry.seq(), "entry " + entry.seq() + " does not match its hash: it was changed, inserted or moved");
        }
        String link = previous == null ? Sha256.GENESIS : previous.entryHash();
        if (!link.equals(entry.prevHash())) {
            if (previous != null && previous.prevHash().equals(entry.prevHash())) {
                return fail(previous.seq(), "entry " + previous.seq() + " was inserted: it and entry " + entry.seq()
                        + " follow the same entry");
            }
            if (previous == null) {
                return fail(entry.seq(), "entry 1 does not start the chain");
            }
            // Entry seq-1 matches its own hash, but its successor was chained to another: seq-1 was replaced or
            // rewritten with its hash recomputed (or, less likely, the successor's link was).
            return fail(previous.seq(), "entry " + previous.seq() + " was changed and its hash recomputed: entry "
                    + entry.seq() + " does not follow it");
        }
        leafHashes.add(MerkleTree.leafHash(Sha256.fromHex(entry.entryHash())));
        String witnessedRoot = witnessed.get(entry.seq());
        if (witnessedRoot != null) {
            if (!witnessedRoot.equals(Sha256.toHex(tree.root(entry.seq())))) {
                return fail(lastGoodWitnessed + 1, (lastGoodWitnessed + 1 == entry.seq() ? "entry " + entry.seq()
                        + " is not the one" : "entries " + (lastGoodWitnessed + 1) + " to " + entry.seq() + " are not those")
                        + " the witnesses cosigned (the root of the first " + entry.seq() + " entries differs"
                        + (lastGoodWitnessed == 0 ? "" : ", that of the first " + lastGoodWitnessed + " holds")
                        + "): they were rewritten, and the database's checkpoints with them" + whichOfThem(entry.seq()));
            }
            lastGoodWitnessed = entry.seq();
        }
        Checkpoint checkpoint = checkpoints.get(entry.seq());
        if (checkpoint != null) {
            boolean rootSigned = !checkpoint.isTreeHead()
                    || Sha256.toHex(tree.root(entry.seq())).equals(checkpoint.rootHash());
            if (checkpoint.headHash().equals(entry.entryHash()) && rootSigned) {
                lastGoodCheckpoint = entry.seq();
            } else {
                unmatched = checkpoint;
            }
        }
        previous = entry;
        expected++;
        return true;
    }

    /** An entry stored among chained ones that the chain does not hold: it was put there afterwards. */
    public void inserted(long seq, String why) {
        fail(seq, why);
    }

    /** Entries written but not chained yet (no block holds them): not verifiable until the hub chains them. */
    public void waiting(long entries) {
        if (entries > 0) {
            warnings.add(entries + " entries wait to be chained: a running hub chains them within a moment of their "
                    + "commit, and they are verified once chained");
        }
    }

    private boolean rewritten(Checkpoint checkpoint) {
        return fail(lastGoodCheckpoint + 1, "the checkpoint at " + checkpoint.seq() + " signed another head: entries "
                + (lastGoodCheckpoint + 1) + " to " + checkpoint.seq() + " were rewritten"
                + (lastGoodCheckpoint + 1 < checkpoint.seq() ? " (one of them at least: a checkpoint signs the head and "
                + "the root, not each entry, and " + (lastGoodCheckpoint == 0 ? "none before it still holds"
                : "the last that still holds is at " + lastGoodCheckpoint) + ")" : ""));
    }

    /** Why a failed witnessed root names a range: what the witnesses hold cannot tell which entry of it changed. */
    private String whichOfThem(long size) {
        return lastGoodWitnessed + 1 == size ? "" : "; which of them changed first, the witnesses' roots cannot tell "
                + "(docs/security.md, \"Which entry\")";
    }

    private static String missing(long last, long lastGood, long covered, String why, String root) {
        if (lastGood == last) {
            return "entries " + (last + 1) + " to " + covered + " are missing (deleted): " + why;
        }
        return "entries were deleted: " + why + " and the ledger ends at " + last + "; " + (lastGood == 0
                ? "no " + root + " before it still holds" : "the last " + root + " that still holds is at " + lastGood)
                + ", so entries " + (lastGood + 1) + " to " + last + " are not proven either (they may have been rewritten too)";
    }

    private boolean renumbered(LedgerEntry entry) {
        return entry.hashOneEarlier().equals(entry.entryHash());
    }

    private boolean fail(long seq, String why) {
        if (firstBad == null || seq < firstBad) {
            firstBad = seq;
            problem = why;
        }
        return false;
    }

    public VerificationReport report() {
        long last = expected - 1;
        if (firstBad == null && unmatched != null) {
            rewritten(unmatched);
        }
        // Entries missing at the end: exactly those past the ledger's end if a root still holds there, else entries
        // were deleted somewhere after the last root that holds (and the ones left after it may be rewritten).
        if (firstBad == null) {
            Map.Entry<Long, Checkpoint> beyond = checkpoints.higherEntry(last);
            if (beyond != null) {
                fail(lastGoodCheckpoint + 1, missing(last, lastGoodCheckpoint, beyond.getKey(),
                        "a checkpoint covers " + beyond.getKey() + " entries", "checkpoint"));
            }
        }
        if (firstBad == null && witnessed.higherKey(last) != null) {
            fail(lastGoodWitnessed + 1, missing(last, lastGoodWitnessed, witnessed.lastKey(),
                    "the witnesses cosigned a tree of " + witnessed.lastKey() + " entries", "witnessed root"));
        }
        for (Checkpoint c : checkpoints.values()) {
            if (!c.signatureValid()) {
                fail(c.seq(), "the checkpoint at " + c.seq() + " has a bad signature");
            } else if (!trustedKeys.isEmpty() && !trustedKeys.contains(c.publicKey())) {
                fail(c.seq(), "the checkpoint at " + c.seq() + " is signed by key " + c.keyId() + ", which is not trusted");
            } else if (!EvidenceSigner.keyId(c.publicKey()).equals(c.keyId())) {
                fail(c.seq(), "the checkpoint at " + c.seq() + " names another key than the one that signed it");
            }
        }
        if (trustedKeys.isEmpty() && !checkpoints.isEmpty()) {
            warnings.add("no trusted public key given: checkpoint signatures were checked against the keys stored with them");
        }
        Long lastCheckpoint = checkpoints.isEmpty() ? null : checkpoints.lastKey();
        if (firstBad == null && last > (lastCheckpoint == null ? 0 : lastCheckpoint)) {
            warnings.add("entries " + ((lastCheckpoint == null ? 0 : lastCheckpoint) + 1) + " to " + last
                    + " are not yet covered by a signed checkpoint");
        }
        return new VerificationReport(firstBad == null, last, checkpoints.size(), lastCheckpoint, firstBad, problem,
                List.copyOf(warnings));
    }
}
