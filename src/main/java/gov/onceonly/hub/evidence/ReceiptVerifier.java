package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a receipt with nothing but the checkpoint's public key: the note's signature, then each entry's hash from its
 * fields, its leaf hash and its inclusion proof into the signed root. What {@code verify-receipt} runs; the Python
 * verifier in {@code scripts/} does the same from docs/security.md alone.
 */
public final class ReceiptVerifier {

    /** What was checked: problems (empty when the receipt holds), and the signed tree head it was checked against. */
    public record Result(List<String> problems, int entries, CheckpointNote checkpoint) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private ReceiptVerifier() {
    }

    public static Result verify(JsonNode receipt, String x509PublicKey) {
        return verify(receipt, x509PublicKey, List.of());
    }

    /** The same, and, given witnesses' keys, the checkpoint must carry a valid cosignature by at least one of them. */
    public static Result verify(JsonNode receipt, String x509PublicKey, List<Cosignature.WitnessKey> witnesses) {
        List<String> problems = new ArrayList<>();
        String note = receipt.path("checkpoint").path("note").asText(null);
        String origin = CheckpointNote.originOf(note);
        Optional<CheckpointNote> signed = CheckpointNote.open(note, origin, x509PublicKey);
        if (signed.isEmpty()) {
            problems.add("the checkpoint's note is not signed by this public key");
            return new Result(problems, 0, null);
        }
        CheckpointNote head = signed.get();
        JsonNode checkpoint = receipt.path("checkpoint");
        if (checkpoint.path("treeSize").asLong(-1) != head.size()
                || !checkpoint.path("rootHash").asText("").equals(Sha256.toHex(head.rootHash()))) {
            problems.add("the checkpoint's treeSize or rootHash is not what its note signs");
        }
        if (!witnesses.isEmpty()) {
            StringBuilder witnessed = new StringBuilder(note);
            checkpoint.path("cosignatures").forEach(line -> witnessed.append(line.asText()).append('\n'));
            if (witnesses.stream().noneMatch(w -> Cosignature.verify(witnessed.toString(), w).isPresent())) {
                problems.add("the checkpoint is cosigned by none of the given witnesses");
            }
        }
        JsonNode entries = receipt.path("entries");
        if (!entries.isArray() || entries.isEmpty()) {
            problems.add("the receipt has no entries");
        }
        for (JsonNode entry : entries) {
            check(entry, receipt.path("applicationId").asText(), head).ifPresent(problems::add);
        }
        return new Result(problems, entries.size(), head);
    }

    private static Optional<String> check(JsonNode entry, String applicationId, CheckpointNote head) {
        long seq = entry.path("seq").asLong();
        String at = "entry " + seq + ": ";
        String computed;
        try {
            Instant recordedAt = Instant.EPOCH.plusNanos(Math.multiplyExact(entry.path("recordedAtMicros").asLong(), 1000L));
            String application = text(entry, "applicationId");
            computed = LedgerEntry.hashOf(seq, recordedAt, EvidenceKind.valueOf(entry.path("kind").asText()),
                    application == null ? null : UUID.fromString(application), text(entry, "item"), text(entry, "party"),
                    text(entry, "payloadSha256"), text(entry, "detail"), text(entry, "prevHash"));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.of(at + "a field cannot be read: " + e.getMessage());
        }
        if (!computed.equals(entry.path("entryHash").asText())) {
            return Optional.of(at + "its fields do not give its entryHash: the entry was changed");
        }
        if (!applicationId.equals(entry.path("applicationId").asText())) {
            return Optional.of(at + "it is another application's");
        }
        long index = entry.path("leafIndex").asLong(-1);
        if (index != seq - 1) {
            return Optional.of(at + "its leafIndex is not seq - 1");
        }
        List<byte[]> proof = new ArrayList<>();
        try {
            entry.path("inclusionProof").forEach(p -> proof.add(HexFormat.of().parseHex(p.asText())));
        } catch (IllegalArgumentException e) {
            return Optional.of(at + "its inclusionProof is not hex");
        }
        byte[] leaf = MerkleTree.leafHash(Sha256.fromHex(computed));
        if (!MerkleTree.verifyInclusion(index, head.size(), leaf, proof, head.rootHash())) {
            return Optional.of(at + "its inclusion proof does not lead to the signed root of " + head.size() + " entries");
        }
        return Optional.empty();
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
