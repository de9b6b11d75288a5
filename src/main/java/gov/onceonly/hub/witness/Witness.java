package gov.onceonly.hub.witness;

import gov.onceonly.hub.evidence.CheckpointNote;
import gov.onceonly.hub.evidence.Cosignature;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.evidence.MerkleTree;
import gov.onceonly.hub.evidence.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A witness of the hub's ledger, as the C2SP witness protocol has it (c2sp.org/tlog-witness, {@code add-checkpoint}):
 * it holds its own key, which the hub never sees, and the last checkpoint it cosigned per log. It cosigns a new
 * checkpoint only if the log's key signed it and a consistency proof shows it extends the last one, and it keeps the
 * new one before answering. So a log that rewrote its history can never get a cosignature for it: run by another
 * party (the 大数据局), it is the part of the evidence the hub's operators cannot change.
 */
public final class Witness {

    /** An HTTP answer of {@code add-checkpoint}. */
    public record Answer(int status, String contentType, String body) {
    }

    private final String name;
    private final EvidenceSigner key;
    /** Origin → the log's public key (X.509, base64). */
    private final Map<String, String> logs;
    private final Path state;
    private final Clock clock;

    public Witness(String name, EvidenceSigner key, Map<String, String> logs, Path state, Clock clock) {
        this.name = name;
        this.key = key;
        this.logs = Map.copyOf(logs);
        this.state = state;
        this.clock = clock;
    }

    public String verifierKey() {
        return new Cosignature.WitnessKey(name, key.publicKey()).verifierKey();
    }

    /** {@code old <size>}, the consistency proof (one base64 hash per line), a blank line, then the signed checkpoint. */
    public synchronized Answer addCheckpoint(String request) {
        int blank = request.indexOf("\n\n");
        String[] head = blank < 0 ? new String[0] : request.substring(0, blank).split("\n");
        if (head.length == 0 || !head[0].matches("old \\d{1,18}")) {
            return text(400, "the request starts with 'old <size>', the proof lines, and a blank line");
        }
        long old = Long.parseLong(head[0].substring(4));
        List<byte[]> proof = new ArrayList<>();
        try {
            for (int i = 1; i < head.length; i++) {
                proof.add(Base64.getDecoder().decode(head[i]));
            }
        } catch (IllegalArgumentException e) {
            return text(400, "a proof line is not base64");
        }
        String note = request.substring(blank + 2);
        String origin = CheckpointNote.originOf(note);
        String logKey = logs.get(origin);
        if (logKey == null) {
            return text(404, "unknown log '" + origin + "'");
        }
        Optional<CheckpointNote> checkpoint = CheckpointNote.open(note, origin, logKey);
        if (checkpoint.isEmpty()) {
            return text(403, "the checkpoint is not signed by the key of " + origin);
        }
        CheckpointNote next = checkpoint.get();
        Latest latest = latest(origin);
        if (old != latest.size()) {
            return new Answer(409, "text/x.tlog.size", latest.size() + "\n");
        }
        if (next.size() < latest.size()) {
            return text(400, "the checkpoint is older than the one cosigned before");
        }
        boolean consistent = latest.size() == 0 ? proof.isEmpty()
                : MerkleTree.verifyConsistency(latest.size(), next.size(), proof, latest.root(), next.rootHash());
        if (!consistent) {
            return text(422, "the checkpoint of " + next.size() + " entries does not extend the one of " + latest.size()
                    + " cosigned before: the log's history was rewritten");
        }
        save(origin, next.size(), next.rootHash());
        return new Answer(200, "text/plain; charset=utf-8",
                Cosignature.sign(name, key, next.body(), clock.instant().getEpochSecond()) + "\n");
    }

    private record Latest(long size, byte[] root) {
    }

    /** The state file: one line per log, {@code <origin> <size> <root hex>}. */
    private Latest latest(String origin) {
        for (String line : lines()) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals(origin)) {
                return new Latest(Long.parseLong(parts[1]), HexFormat.of().parseHex(parts[2]));
            }
        }
        return new Latest(0, Sha256.digest());
    }

    private void save(String origin, long size, byte[] root) {
        List<String> lines = new ArrayList<>(lines().stream().filter(l -> !l.startsWith(origin + " ")).toList());
        lines.add(origin + " " + size + " " + HexFormat.of().formatHex(root));
        try {
            Files.createDirectories(state.toAbsolutePath().getParent());
            Path next = state.resolveSibling(state.getFileName() + ".next");
            Files.write(next, lines, StandardCharsets.UTF_8);
            Files.move(next, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the witness cannot keep its state in " + state, e);
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(state) ? Files.readAllLines(state, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("the witness cannot read its state in " + state, e);
        }
    }

    private static Answer text(int status, String message) {
        return new Answer(status, "text/plain; charset=utf-8", message + "\n");
    }
}
