package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerEntryTest {

    private static final UUID APPLICATION = UUID.fromString("606cc1f2-0000-4000-8000-000000000001");

    @Test
    void theCanonicalEncodingIsLengthPrefixedFields() {
        byte[] canonical = LedgerEntry.canonical(7, Instant.ofEpochSecond(1, 2_345_678), EvidenceKind.PUSH, APPLICATION,
                "birth-certificate", "weijian-approval", "ab", null, Sha256.GENESIS);
        String expectedStart = "0000001a" + hex("onceonly-evidence-entry-v1") + "00000001" + hex("7")
                + "00000007" + hex("1002345") + "00000004" + hex("PUSH") + "00000024" + hex(APPLICATION.toString());
        assertThat(HexFormat.of().formatHex(canonical)).startsWith(expectedStart)
                .endsWith("00000002" + hex("ab") + "00000040" + hex(Sha256.GENESIS));
    }

    @Test
    void anAbsentApplicationOrItemIsEmpty() {
        byte[] canonical = LedgerEntry.canonical(1, Instant.EPOCH, EvidenceKind.INTAKE, null, null, "p", "x", null, "y");
        assertThat(HexFormat.of().formatHex(canonical)).contains("00000006" + hex("INTAKE") + "00000000" + "00000000"
                + "00000001" + hex("p"));
    }

    @Test
    void theHashCoversEveryFieldAndTheTimeToTheMicrosecond() {
        Instant at = Instant.parse("2026-11-29T02:47:11.123456789Z");
        LedgerEntry entry = LedgerEntry.create(3, at, EvidenceKind.PULL, APPLICATION, null, "gongan-population/person",
                Sha256.hex("{}".getBytes()), null, Sha256.GENESIS);
        assertThat(entry.recordedAt()).isEqualTo(Instant.parse("2026-11-29T02:47:11.123456Z"));
        assertThat(entry.computedHash()).isEqualTo(entry.entryHash());
        LedgerEntry other = new LedgerEntry(3, entry.recordedAt(), EvidenceKind.PULL, APPLICATION, null,
                "gongan-population/persons", entry.payloadSha256(), null, entry.prevHash(), entry.entryHash());
        assertThat(other.computedHash()).isNotEqualTo(entry.entryHash());
        // Moving a character from one field to the next changes the hash: fields are length-prefixed.
        LedgerEntry shifted = LedgerEntry.create(3, at, EvidenceKind.PULL, APPLICATION, "g", "ongan-population/person",
                entry.payloadSha256(), null, Sha256.GENESIS);
        assertThat(shifted.entryHash()).isNotEqualTo(entry.entryHash());
    }

    @Test
    void aDetailMakesItAVersionTwoEntryWhoseHashCoversIt() {
        byte[] canonical = LedgerEntry.canonical(7, Instant.EPOCH, EvidenceKind.PULL, APPLICATION, null,
                "gongan-population/person", "ab", "{\"fields\":[\"name\"],\"found\":true}", Sha256.GENESIS);
        assertThat(HexFormat.of().formatHex(canonical)).startsWith("0000001a" + hex("onceonly-evidence-entry-v2"))
                .endsWith(hex("{\"fields\":[\"name\"],\"found\":true}") + "00000040" + hex(Sha256.GENESIS));
        Instant at = Instant.parse("2026-12-04T02:47:11.123456Z");
        LedgerEntry entry = LedgerEntry.create(7, at, EvidenceKind.PULL, APPLICATION, null, "gongan-population/person",
                "ab", "{\"fields\":[\"name\"],\"found\":true}", Sha256.GENESIS);
        LedgerEntry fieldAdded = new LedgerEntry(7, at, EvidenceKind.PULL, APPLICATION, null, "gongan-population/person",
                "ab", "{\"fields\":[\"name\",\"idNumber\"],\"found\":true}", Sha256.GENESIS, entry.entryHash());
        assertThat(fieldAdded.computedHash()).isNotEqualTo(entry.entryHash());
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
