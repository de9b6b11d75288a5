package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointNoteTest {

    private static final EvidenceSigner SIGNER = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false, List.of());
    private static final byte[] ROOT = HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private final CheckpointNote checkpoint = new CheckpointNote("onceonly-hub/evidence", 8, ROOT,
            Instant.parse("2026-12-05T08:00:00.123456Z"));

    @Test
    void theNoteIsAC2spCheckpointWithOneSignatureLine() {
        String note = checkpoint.sign(SIGNER);
        assertThat(note).startsWith("""
                onceonly-hub/evidence
                8
                XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
                time 2026-12-05T08:00:00.123456Z

                \u2014 onceonly-hub/evidence\s""");
        byte[] signed = Base64.getDecoder().decode(note.substring(note.lastIndexOf(' ') + 1).strip());
        assertThat(signed).hasSize(68);
        byte[] raw = Ed25519Keys.rawOf(SIGNER.publicKey());
        assertThat(java.util.Arrays.copyOf(signed, 4)).isEqualTo(java.util.Arrays.copyOf(Sha256.digest(
                "onceonly-hub/evidence\n".getBytes(StandardCharsets.UTF_8), new byte[] {1}, raw), 4));
    }

    @Test
    void openingChecksTheSignatureTheKeyAndTheBody() {
        String note = checkpoint.sign(SIGNER);
        assertThat(CheckpointNote.open(note, "onceonly-hub/evidence", SIGNER.publicKey())).contains(checkpoint);
        EvidenceSigner other = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false, List.of());
        assertThat(CheckpointNote.open(note, "onceonly-hub/evidence", other.publicKey())).isEmpty();
        assertThat(CheckpointNote.open(note.replace("\n8\n", "\n9\n"), "onceonly-hub/evidence", SIGNER.publicKey())).isEmpty();
        assertThat(CheckpointNote.open(note, "another-log", SIGNER.publicKey())).isEmpty();
        assertThat(CheckpointNote.open("no blank line", "onceonly-hub/evidence", SIGNER.publicKey())).isEmpty();
    }

    @Test
    void theVerifierKeyIsGosNoteFormat() {
        String vkey = CheckpointNote.verifierKey("onceonly-hub/evidence", SIGNER.publicKey());
        String[] parts = vkey.split("\\+", 3);
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isEqualTo("onceonly-hub/evidence");
        assertThat(parts[1]).hasSize(8);
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        assertThat(typed[0]).isEqualTo((byte) 1);
        assertThat(java.util.Arrays.copyOfRange(typed, 1, 33)).isEqualTo(Ed25519Keys.rawOf(SIGNER.publicKey()));
    }
}
