package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private static final EvidenceSigner SIGNER =
            new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false, List.of());
    private static final UUID APPLICATION = UUID.randomUUID();

    /** A chain of n entries as the ledger appends them. */
    static List<LedgerEntry> chain(int n) {
        List<LedgerEntry> entries = new ArrayList<>();
        String prev = Sha256.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            LedgerEntry e = LedgerEntry.create(seq, Instant.parse("2026-11-29T03:00:00Z").plusMillis(seq),
                    EvidenceKind.values()[seq % 4], APPLICATION, seq % 2 == 0 ? "item-" + seq : null, "party-" + seq,
                    Sha256.hex(("payload " + seq).getBytes()), seq % 3 == 0 ? "{\"fields\":[\"f" + seq + "\"]}" : null, prev);
            entries.add(e);
            prev = e.entryHash();
        }
        return entries;
    }

    static Checkpoint checkpoint(LedgerEntry head, EvidenceSigner signer) {
        Instant at = Instant.parse("2026-11-29T03:01:00Z");
        return new Checkpoint(head.seq(), head.entryHash(), at, signer.keyId(), signer.publicKey(),
                signer.sign(Checkpoint.message(head.seq(), head.entryHash(), at)));
    }

    private static VerificationReport verify(List<LedgerEntry> entries, List<Checkpoint> checkpoints, List<String> trusted) {
        ChainVerifier verifier = new ChainVerifier(checkpoints, trusted);
        for (LedgerEntry entry : entries) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        return verifier.report();
    }

    private static VerificationReport verify(List<LedgerEntry> entries) {
        return verify(entries, List.of(checkpoint(entries.get(4), SIGNER)), List.of(SIGNER.publicKey()));
    }

    /** A forged entry 4 with a valid hash, chained to entry 3, and the old entries 4 to 8 renumbered after it. */
    private static List<LedgerEntry> withAForgedEntryInsertedAt4(List<LedgerEntry> entries) {
        LedgerEntry forged = LedgerEntry.create(4, Instant.parse("2026-11-29T03:00:00.0035Z"), EvidenceKind.PUSH,
                APPLICATION, "forged", "impostor", Sha256.hex("forged".getBytes()), null, entries.get(2).entryHash());
        List<LedgerEntry> tampered = new ArrayList<>(entries.subList(0, 3));
        tampered.add(forged);
        for (LedgerEntry e : entries.subList(3, 8)) {
            tampered.add(renumbered(e, e.seq() + 1));
        }
        return tampered;
    }

    private static LedgerEntry renumbered(LedgerEntry e, long seq) {
        return new LedgerEntry(seq, e.recordedAt(), e.kind(), e.applicationId(), e.item(), e.party(), e.payloadSha256(),
                e.detail(), e.prevHash(), e.entryHash());
    }

    @Test
    void anIntactChainVerifies() {
        VerificationReport report = verify(chain(8));
        assertThat(report.intact()).isTrue();
        assertThat(report.entries()).isEqualTo(8);
        assertThat(report.lastCheckpointSequence()).isEqualTo(5);
        assertThat(report.warnings()).containsExactly("entries 6 to 8 are not yet covered by a signed checkpoint");
    }

    @Test
    void aChangedEntryIsNamed() {
        List<LedgerEntry> entries = chain(8);
        LedgerEntry e = entries.get(3);
        entries.set(3, new LedgerEntry(4, e.recordedAt(), e.kind(), e.applicationId(), e.item(), "impostor",
                e.payloadSha256(), e.detail(), e.prevHash(), e.entryHash()));
        VerificationReport report = verify(entries);
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBadSequence()).isEqualTo(4);
        assertThat(report.problem()).contains("does not match its hash");
    }

    @Test
    void aChangedEntryWithItsHashRecomputedBreaksTheNextLink() {
        List<LedgerEntry> entries = chain(8);
        LedgerEntry e = entries.get(6);
        entries.set(6, LedgerEntry.create(7, e.recordedAt(), e.kind(), e.applicationId(), e.item(), "impostor",
                e.payloadSha256(), e.detail(), e.prevHash()));
        VerificationReport report = verify(entries);
        assertThat(report.firstBadSequence()).isEqualTo(7);
        assertThat(report.problem()).contains("hash recomputed");
    }

    @Test
    void aDeletedEntryIsNamed() {
        List<LedgerEntry> entries = chain(8);
        entries.remove(2);
        VerificationReport report = verify(entries);
        assertThat(report.firstBadSequence()).isEqualTo(3);
        assertThat(report.problem()).contains("missing");
    }

    @Test
    void entriesDeletedFromTheEndAreFoundByTheirCheckpoint() {
        List<LedgerEntry> entries = chain(8);
        VerificationReport report = verify(entries.subList(0, 3), List.of(checkpoint(entries.get(2), SIGNER),
                checkpoint(entries.get(4), SIGNER)), List.of(SIGNER.publicKey()));
        assertThat(report.firstBadSequence()).isEqualTo(4);
        assertThat(report.problem()).contains("entries 4 to 5 are missing");
    }

    /**
     * Without a checkpoint that still holds at the ledger's new end, the entries left after the last one that holds
     * prove nothing: a forger may have deleted entries among them and rechained the rest. So the first bad position is
     * the first entry after that checkpoint, not the first one past the end.
     */
    @Test
    void entriesDeletedAfterTheLastCheckpointThatHoldsAreNamedFromThere() {
        List<LedgerEntry> entries = chain(8);
        VerificationReport report = verify(entries.subList(0, 3), List.of(checkpoint(entries.get(4), SIGNER)),
                List.of(SIGNER.publicKey()));
        assertThat(report.firstBadSequence()).isEqualTo(1);
        assertThat(report.problem()).isEqualTo("entries were deleted: a checkpoint covers 5 entries and the ledger ends "
                + "at 3; no checkpoint before it still holds, so entries 1 to 3 are not proven either (they may have been "
                + "rewritten too)");
    }

    @Test
    void anInsertedEntryIsNamedEvenWithAValidHash() {
        List<LedgerEntry> entries = chain(8);
        List<LedgerEntry> tampered = withAForgedEntryInsertedAt4(entries);
        VerificationReport report = verify(tampered, List.of(), List.of());
        assertThat(report.firstBadSequence()).isEqualTo(4);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void anEntryInsertedWhereACheckpointWasIsNamed() {
        List<LedgerEntry> entries = chain(8);
        List<LedgerEntry> tampered = withAForgedEntryInsertedAt4(entries);
        VerificationReport report = verify(tampered, List.of(checkpoint(entries.get(1), SIGNER),
                checkpoint(entries.get(3), SIGNER)), List.of(SIGNER.publicKey()));
        assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(4);
        assertThat(report.problem()).contains("inserted");
    }

    @Test
    void aCheckpointOnTheLastEntryThatSignedAnotherHeadIsFound() {
        List<LedgerEntry> entries = chain(4);
        LedgerEntry e = entries.get(3);
        entries.set(3, LedgerEntry.create(4, e.recordedAt(), e.kind(), e.applicationId(), e.item(), "rewritten",
                e.payloadSha256(), e.detail(), e.prevHash()));
        VerificationReport report = verify(entries, List.of(checkpoint(e, SIGNER)), List.of(SIGNER.publicKey()));
        assertThat(report.firstBadSequence()).isEqualTo(1);
        assertThat(report.problem()).contains("signed another head");
    }

    @Test
    void anInsertedEntryWithoutRenumberingIsNamed() {
        List<LedgerEntry> entries = chain(8);
        LedgerEntry forged = LedgerEntry.create(4, Instant.parse("2026-11-29T03:00:00.0035Z"), EvidenceKind.PUSH,
                APPLICATION, "forged", "impostor", Sha256.hex("forged".getBytes()), null, entries.get(2).entryHash());
        List<LedgerEntry> tampered = new ArrayList<>(entries.subList(0, 3));
        tampered.add(forged);
        tampered.addAll(entries.subList(4, 8)); // entry 4 replaced: its successor follows the same entry 3
        assertThat(verify(tampered, List.of(), List.of()).firstBadSequence()).isEqualTo(4);
    }

    @Test
    void reorderedEntriesAreNamed() {
        List<LedgerEntry> entries = chain(8);
        LedgerEntry fifth = entries.get(4);
        LedgerEntry sixth = entries.get(5);
        entries.set(4, renumbered(sixth, 5));
        entries.set(5, renumbered(fifth, 6));
        assertThat(verify(entries).firstBadSequence()).isEqualTo(5);
    }

    @Test
    void aRewrittenTailIsCaughtByTheCheckpoint() {
        List<LedgerEntry> entries = chain(8);
        List<LedgerEntry> rewritten = new ArrayList<>(entries.subList(0, 2));
        String prev = entries.get(1).entryHash();
        for (LedgerEntry e : entries.subList(2, 8)) {
            LedgerEntry r = LedgerEntry.create(e.seq(), e.recordedAt(), e.kind(), e.applicationId(), e.item(), "rewritten",
                    e.payloadSha256(), e.detail(), prev);
            rewritten.add(r);
            prev = r.entryHash();
        }
        Checkpoint first = checkpoint(entries.get(1), SIGNER);
        Checkpoint second = checkpoint(entries.get(5), SIGNER);
        VerificationReport report = verify(rewritten, List.of(first, second), List.of(SIGNER.publicKey()));
        assertThat(report.firstBadSequence()).isEqualTo(3);
        assertThat(report.problem()).contains("signed another head");
    }

    @Test
    void aCheckpointMustBeSignedByATrustedKey() {
        List<LedgerEntry> entries = chain(6);
        Checkpoint good = checkpoint(entries.get(2), SIGNER);
        Checkpoint forged = new Checkpoint(good.seq(), good.headHash(), good.signedAt().plusSeconds(1), good.keyId(),
                good.publicKey(), good.signature());
        assertThat(verify(entries, List.of(forged), List.of()).problem()).contains("bad signature");
        EvidenceSigner other = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false, List.of());
        VerificationReport untrusted = verify(entries, List.of(checkpoint(entries.get(2), other)), List.of(SIGNER.publicKey()));
        assertThat(untrusted.firstBadSequence()).isEqualTo(3);
        assertThat(untrusted.problem()).contains("not trusted");
        VerificationReport unpinned = verify(entries, List.of(checkpoint(entries.get(2), other)), List.of());
        assertThat(unpinned.intact()).isTrue();
        assertThat(unpinned.warnings()).anyMatch(w -> w.contains("no trusted public key"));
    }

    /** A tree head over the first {@code size} entries, as a hub signs it (C2SP note). */
    static Checkpoint treeHead(List<LedgerEntry> entries, int size, EvidenceSigner signer) {
        byte[] root = root(entries, size);
        Instant at = Instant.parse("2026-11-29T03:01:00Z").plusSeconds(size);
        String note = new CheckpointNote("onceonly-hub/evidence", size, root, at).sign(signer);
        return new Checkpoint(size, entries.get(size - 1).entryHash(), at, signer.keyId(), signer.publicKey(),
                note.substring(note.lastIndexOf(' ') + 1).strip(), Sha256.toHex(root), note);
    }

    static byte[] root(List<LedgerEntry> entries, int size) {
        return MerkleTree.of(entries.subList(0, size).stream()
                .map(e -> MerkleTree.leafHash(Sha256.fromHex(e.entryHash()))).toList()).root(size);
    }

    /** The roots of the original ledger that witnesses cosigned, at these sizes. */
    private static WitnessedCheckpoints witnessed(List<LedgerEntry> original, int... sizes) {
        java.util.TreeMap<Long, String> roots = new java.util.TreeMap<>();
        for (int size : sizes) {
            roots.put((long) size, Sha256.toHex(root(original, size)));
        }
        return new WitnessedCheckpoints(roots, List.of());
    }

    /** The ledger as a forger leaves it: {@code entries} renumbered and rechained, tree heads signed over them again. */
    private static List<LedgerEntry> rechained(List<LedgerEntry> entries) {
        List<LedgerEntry> rechained = new ArrayList<>();
        String prev = Sha256.GENESIS;
        for (LedgerEntry e : entries) {
            LedgerEntry r = LedgerEntry.create(rechained.size() + 1, e.recordedAt(), e.kind(), e.applicationId(), e.item(),
                    e.party(), e.payloadSha256(), e.detail(), prev);
            rechained.add(r);
            prev = r.entryHash();
        }
        return rechained;
    }

    private static VerificationReport verifyRewritten(List<LedgerEntry> rewritten, WitnessedCheckpoints witnessed) {
        ChainVerifier verifier = new ChainVerifier(List.of(treeHead(rewritten, 3, SIGNER),
                treeHead(rewritten, rewritten.size(), SIGNER)), List.of(SIGNER.publicKey()), witnessed);
        rewritten.forEach(verifier::accept);
        return verifier.report();
    }

    private static List<LedgerEntry> withEntry6Changed(List<LedgerEntry> entries) {
        List<LedgerEntry> changed = new ArrayList<>(entries);
        LedgerEntry e = changed.get(5);
        changed.set(5, LedgerEntry.create(6, e.recordedAt(), e.kind(), e.applicationId(), e.item(), "impostor",
                e.payloadSha256(), e.detail(), e.prevHash()));
        return rechained(changed);
    }

    @Test
    void aRewriteWhoseCheckpointsWereRewrittenToMatchIsNamedFromTheLastWitnessedRootThatHolds() {
        List<LedgerEntry> original = chain(12);
        List<LedgerEntry> rewritten = withEntry6Changed(original);
        assertThat(verifyRewritten(rewritten, WitnessedCheckpoints.none()).intact()).as("the database alone").isTrue();

        VerificationReport report = verifyRewritten(rewritten, witnessed(original, 4, 9, 12));
        assertThat(report.firstBadSequence()).isEqualTo(5);
        assertThat(report.problem()).startsWith("entries 5 to 9 are not those the witnesses cosigned (the root of the "
                + "first 9 entries differs, that of the first 4 holds)").contains("the witnesses' roots cannot tell");
    }

    /**
     * Why not entry 6 itself: the witnesses hold the root of the first 9 entries, one hash. Entries 1 to 4 are proven
     * (the root of the first 4 holds); of entries 5 to 9, whichever one was changed, the verifier sees the same thing:
     * the entries' leaves, which give another root. To tell which leaf is not the witnessed tree's, it would need that
     * tree's inner hashes (an inclusion proof is made of them), and those are hashes of the original entries, which the
     * rewrite took away; computed from the database they lead to the database's root, for every leaf alike. So a
     * change to entry 5, 6 or 9 is reported the same, from 5; and exactly where a witnessed root bounds each side.
     */
    @Test
    void theFirstChangedEntryIsNamedExactlyWhereWitnessedRootsBoundIt() {
        List<LedgerEntry> original = chain(12);
        for (int changedAt : new int[] {5, 6, 9}) {
            List<LedgerEntry> changed = new ArrayList<>(original);
            LedgerEntry e = changed.get(changedAt - 1);
            changed.set(changedAt - 1, LedgerEntry.create(changedAt, e.recordedAt(), e.kind(), e.applicationId(),
                    e.item(), "impostor", e.payloadSha256(), e.detail(), e.prevHash()));
            VerificationReport report = verifyRewritten(rechained(changed), witnessed(original, 4, 9, 12));
            assertThat(report.firstBadSequence()).as("changed at %d", changedAt).isEqualTo(5);
        }
        VerificationReport everySize = verifyRewritten(withEntry6Changed(original),
                witnessed(original, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(everySize.firstBadSequence()).isEqualTo(6);
        assertThat(everySize.problem()).startsWith("entry 6 is not the one the witnesses cosigned");
    }

    @Test
    void deletedInsertedAndReorderedEntriesWithTheCheckpointsRewrittenAreNamedFromTheLastWitnessedRootThatHolds() {
        List<LedgerEntry> original = chain(12);
        List<LedgerEntry> deleted = new ArrayList<>(original);
        deleted.remove(6); // entry 7
        List<LedgerEntry> inserted = new ArrayList<>(original);
        inserted.add(6, LedgerEntry.create(7, Instant.parse("2026-11-29T03:00:00.0065Z"), EvidenceKind.PUSH, APPLICATION,
                "forged", "impostor", Sha256.hex("forged".getBytes()), null, null));
        List<LedgerEntry> reordered = new ArrayList<>(original);
        java.util.Collections.swap(reordered, 6, 7); // entries 7 and 8
        for (List<LedgerEntry> tampered : List.of(deleted, inserted, reordered)) {
            VerificationReport report = verifyRewritten(rechained(tampered), witnessed(original, 4, 6, 9, 12));
            assertThat(report.firstBadSequence()).as(report.toString()).isEqualTo(7);
        }
        // Deleted where no witnessed root falls between the entry and the end: the tree of 12 is missing an entry.
        VerificationReport report = verifyRewritten(rechained(deleted), witnessed(original, 4, 12));
        assertThat(report.firstBadSequence()).isEqualTo(5);
        assertThat(report.problem()).isEqualTo("entries were deleted: the witnesses cosigned a tree of 12 entries and the "
                + "ledger ends at 11; the last witnessed root that still holds is at 4, so entries 5 to 11 are not proven "
                + "either (they may have been rewritten too)");
        VerificationReport cut = verifyRewritten(original.subList(0, 9), witnessed(original, 4, 9, 12));
        assertThat(cut.firstBadSequence()).isEqualTo(10);
        assertThat(cut.problem()).isEqualTo("entries 10 to 12 are missing (deleted): the witnesses cosigned a tree of 12 entries");
    }

    @Test
    void anEmptyLedgerIsIntact() {
        assertThat(verify(List.of(), List.of(), List.of()).intact()).isTrue();
    }
}
