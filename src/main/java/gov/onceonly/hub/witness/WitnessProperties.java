package gov.onceonly.hub.witness;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.Map;

/**
 * Where the ledger's checkpoints go besides the database (docs/security.md, "Witnesses"): under hub.evidence,
 * beside the ledger's own settings.
 *
 * @param checkpointTopic every witnessed checkpoint is published on this compacted topic; empty: none
 * @param checkpointFile every witnessed checkpoint is also appended to this file, when set (in production: a volume the hub may append to, not
 *        rewrite)
 * @param witnesses the witnesses that cosign each checkpoint, by id: hub.evidence.witnesses.<id>.url and
 *        .verifier-key; read again at each checkpoint, since the sandbox's witness announces itself once its
 *        server is up
 */
@Validated
@ConfigurationProperties("hub.evidence")
public record WitnessProperties(
        @DefaultValue("hub.evidence.checkpoints") String checkpointTopic,
        @DefaultValue("") String checkpointFile,
        Map<String, Settings> witnesses) {

    public WitnessProperties {
        witnesses = witnesses == null ? Map.of() : Map.copyOf(witnesses);
    }

    /**
     * One witness, as configured.
     *
     * @param url where the witness answers add-checkpoint
     * @param verifierKey its C2SP verifier key (<name>+<hash>+<base64 key>)
     */
    public record Settings(String url, String verifierKey) {
    }
}
