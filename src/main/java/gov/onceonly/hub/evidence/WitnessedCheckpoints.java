package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The witnessed checkpoints an auditor kept outside the hub's database (the file {@code hub.evidence.checkpoint-file},
 * or the records of the checkpoint topic, one {@code {"note":…}} JSON line each): those signed by a trusted hub key and
 * cosigned by at least one of the given witnesses, by tree size. A checkpoint that fails either is left out and said.
 */
public record WitnessedCheckpoints(NavigableMap<Long, String> roots, List<String> warnings) {

    public static WitnessedCheckpoints read(Path file, List<String> hubKeys, List<Cosignature.WitnessKey> witnesses)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        NavigableMap<Long, String> roots = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String note;
            try {
                JsonNode record = json.readTree(line);
                note = record.path("note").asText(null);
            } catch (IOException e) {
                warnings.add(file + ":" + number + " is not a JSON line with a note");
                continue;
            }
            String origin = CheckpointNote.originOf(note);
            CheckpointNote signed = hubKeys.stream().map(key -> CheckpointNote.open(note, origin, key))
                    .flatMap(java.util.Optional::stream).findFirst().orElse(null);
            if (signed == null) {
                warnings.add(file + ":" + number + ": not signed by a trusted hub key, left out");
            } else if (witnesses.stream().noneMatch(w -> Cosignature.verify(note, w).isPresent())) {
                warnings.add(file + ":" + number + ": the checkpoint of " + signed.size()
                        + " entries is cosigned by none of the given witnesses, left out");
            } else {
                roots.put(signed.size(), Sha256.toHex(signed.rootHash()));
            }
        }
        return new WitnessedCheckpoints(roots, warnings);
    }

    public static WitnessedCheckpoints none() {
        return new WitnessedCheckpoints(new TreeMap<>(), List.of());
    }
}
