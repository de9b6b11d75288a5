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
        VerificationReport report = verify(entries.subList(0, 3), List.of(checkpoint(entries.get(4), SIGNER)),
                List.of(SIGNER.publicKey()));
        assertThat(report.firstBadSequence()).isEqualTo(4);
        assertThat(report.problem()).contains("entries 4 to 5 are missing");
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

    @Test
    void anEmptyLedgerIsIntact() {
        assertThat(verify(List.of(), List.of(), List.of()).intact()).isTrue();
    }
}
