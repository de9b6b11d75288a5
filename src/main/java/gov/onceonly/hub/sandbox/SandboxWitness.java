package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.evidence.Ed25519Keys;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.witness.Witness;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's witness of the hub's ledger, as the 大数据局 would run one: its own key (a published sandbox key),
 * its own state (a file beside the embedded database, not in it), on the departments' server at
 * {@code /witness/add-checkpoint}. It announces itself to the hub as {@code hub.evidence.witnesses.sandbox.*}.
 */
final class SandboxWitness {

    static final String NAME = "sandbox-witness";

    private SandboxWitness() {
    }

    /** Serves the witness; returns the properties that point the hub at it. */
    static Map<String, Object> serve(SandboxHttpServer http, String signingKey, String origin, Path dataDir,
                                     String logPublicKey) {
        EvidenceSigner key = new EvidenceSigner(Ed25519Keys.privateKey(signingKey), false, List.of());
        Witness witness = new Witness(NAME, key, Map.of(origin, logPublicKey),
                dataDir.resolve("sandbox-witness").resolve("state"), Clock.systemUTC());
        http.addContext("/witness/add-checkpoint", exchange -> {
            Witness.Answer answer;
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer = new Witness.Answer(405, "text/plain; charset=utf-8", "POST a checkpoint\n");
            } else {
                try (InputStream in = exchange.getRequestBody()) {
                    answer = witness.addCheckpoint(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            SandboxHttpServer.respond(exchange, answer.status(), answer.contentType(),
                    answer.body().getBytes(StandardCharsets.UTF_8));
        });
        return Map.of("hub.evidence.witnesses.sandbox.url", http.baseUrl() + "/witness",
                "hub.evidence.witnesses.sandbox.verifier-key", witness.verifierKey());
    }
}
