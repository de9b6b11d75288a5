package gov.onceonly.hub.witness;

import gov.onceonly.hub.evidence.Checkpoint;
import gov.onceonly.hub.evidence.CheckpointObserver;
import gov.onceonly.hub.evidence.Checkpoints;
import gov.onceonly.hub.evidence.Cosignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * The hub's side of witnessing: each checkpoint it signs goes to every witness with the consistency proof from the
 * last one that witness cosigned ({@code POST <url>/add-checkpoint}, c2sp.org/tlog-witness; on 409 it retries once
 * from the size the witness holds). A cosignature that verifies with the witness's key is kept, and the witnessed
 * note (the hub's note and every cosignature line) is published to the checkpoint logs. A witness that is down or
 * refuses is logged, not fatal: its next checkpoint catches up through the proof, and a refusal means the ledger was
 * rewritten, which is what witnesses are for.
 */
public final class WitnessClient implements CheckpointObserver, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WitnessClient.class);

    /** A witness the hub sends its checkpoints to: where, and the key its cosignatures must verify with. */
    public record Configured(String id, URI url, Cosignature.WitnessKey key) {
    }

    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final Supplier<List<Configured>> witnesses;
    private final List<CheckpointLog> logs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code witnesses} is read at each checkpoint: a sandbox witness announces itself once it has started. */
    public WitnessClient(JdbcTemplate jdbc, Checkpoints checkpoints, Supplier<List<Configured>> witnesses,
                         List<CheckpointLog> logs) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.witnesses = witnesses;
        this.logs = List.copyOf(logs);
    }

    @Override
    public void signed(Checkpoint checkpoint) {
        for (Configured witness : witnesses.get()) {
            try {
                cosign(witness, checkpoint);
            } catch (Exception e) {
                log.warn("Witness {} did not cosign the checkpoint of {} entries: {}", witness.id(), checkpoint.seq(), e.toString());
            }
        }
        String witnessed = witnessedNote(checkpoint);
        for (CheckpointLog out : logs) {
            try {
                out.append(checkpoint.seq(), witnessed);
            } catch (Exception e) {
                log.error("Could not publish the checkpoint of {} entries to {}: {}", checkpoint.seq(), out, e.toString());
            }
        }
    }

    private void cosign(Configured witness, Checkpoint checkpoint) throws Exception {
        Long last = jdbc.queryForObject("select max(seq) from evidence_cosignature where witness = ?", Long.class, witness.id());
        long old = last == null ? 0 : last;
        HttpResponse<String> answer = post(witness, old, checkpoint);
        if (answer.statusCode() == 409 && answer.body().strip().matches("\\d{1,18}")) {
            answer = post(witness, Long.parseLong(answer.body().strip()), checkpoint);
        }
        if (answer.statusCode() != 200) {
            String level = answer.statusCode() == 422 ? "TAMPERED? " : "";
            throw new IllegalStateException(level + "HTTP " + answer.statusCode() + ": " + answer.body().strip());
        }
        String line = answer.body().lines().filter(l -> l.startsWith("\u2014 " + witness.key().name() + " ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cosignature line by " + witness.key().name()));
        if (Cosignature.verify(checkpoint.note() + line + "\n", witness.key()).isEmpty()) {
            throw new IllegalStateException("its cosignature does not verify with its key");
        }
        jdbc.update("insert into evidence_cosignature (seq, witness, cosignature) values (?, ?, ?) on conflict do nothing",
                checkpoint.seq(), witness.id(), line);
        log.debug("Witness {} cosigned the checkpoint of {} entries", witness.id(), checkpoint.seq());
    }

    private HttpResponse<String> post(Configured witness, long old, Checkpoint checkpoint) throws Exception {
        StringBuilder body = new StringBuilder("old ").append(old).append('\n');
        if (old > 0 && old < checkpoint.seq()) {
            checkpoints.tree().consistencyProof(old, checkpoint.seq())
                    .forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        }
        body.append('\n').append(checkpoint.note());
        HttpRequest request = HttpRequest.newBuilder(witness.url().resolve(witness.url().getPath().endsWith("/")
                        ? "add-checkpoint" : witness.url().getPath() + "/add-checkpoint"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        for (CheckpointLog out : logs) {
            try {
                out.close();
            } catch (Exception e) {
                log.warn("Could not close the checkpoint log {}: {}", out, e.toString());
            }
        }
    }

    /** The checkpoint's note followed by every cosignature the hub holds for it. */
    public String witnessedNote(Checkpoint checkpoint) {
        StringBuilder note = new StringBuilder(checkpoint.note());
        checkpoints.cosignatures(checkpoint.seq()).forEach(line -> note.append(line).append('\n'));
        return note.toString();
    }
}
