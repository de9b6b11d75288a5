package gov.onceonly.hub.config;

import gov.onceonly.hub.connector.KafkaClientSettings;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.evidence.Checkpoints;
import gov.onceonly.hub.evidence.Cosignature;
import gov.onceonly.hub.witness.CheckpointLog;
import gov.onceonly.hub.witness.FileCheckpointLog;
import gov.onceonly.hub.witness.KafkaCheckpointLog;
import gov.onceonly.hub.witness.WitnessClient;
import gov.onceonly.hub.witness.WitnessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the ledger's checkpoints go besides the database (docs/security.md, "Witnesses"): the witnesses
 * ({@code hub.evidence.witnesses.<id>.url} and {@code .verifier-key}), the compacted topic
 * ({@code hub.evidence.checkpoint-topic}) and the append-only file ({@code hub.evidence.checkpoint-file}).
 */
@Configuration(proxyBeanMethods = false)
public class WitnessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WitnessConfiguration.class);

    static final String WITNESSES = "hub.evidence.witnesses";

    @Bean(destroyMethod = "close")
    WitnessClient witnessClient(JdbcTemplate jdbc, Checkpoints checkpoints, Environment env, WitnessProperties witness,
                                KafkaProperties kafkaProperties, KafkaClientSettings kafka) {
        List<CheckpointLog> logs = new ArrayList<>();
        String topic = witness.checkpointTopic();
        if (!topic.isBlank()) {
            logs.add(new KafkaCheckpointLog(kafkaProperties.bootstrapServers(), kafka, topic,
                    PipelineConfiguration.replication(kafkaProperties)));
        }
        String file = witness.checkpointFile();
        if (!file.isBlank()) {
            logs.add(new FileCheckpointLog(Path.of(file)));
        }
        // A witness configured wrong stops the hub here, naming its property; none at all is said (the sandbox's
        // witness announces itself later).
        if (witnesses(env).isEmpty() && !env.acceptsProfiles(Profiles.of(ProductionModeGuard.SANDBOX_PROFILE))) {
            log.warn("NO EVIDENCE WITNESS: hub.evidence.witnesses.* is empty, so no other party cosigns the ledger's "
                    + "checkpoints; they are still published to {} (docs/security.md, \"Witnesses\")", logs);
        }
        WitnessClient client = new WitnessClient(jdbc, checkpoints, () -> witnesses(env), logs);
        checkpoints.observedBy(client);
        return client;
    }

    /**
     * Bound again at each checkpoint, not taken from the WitnessProperties bean bound at startup: the sandbox's witness
     * announces itself (hub.evidence.witnesses.sandbox.*) once its server is up.
     */
    static List<WitnessClient.Configured> witnesses(Environment env) {
        Map<String, WitnessProperties.Settings> configured = Binder.get(env)
                .bindOrCreate("hub.evidence", WitnessProperties.class).witnesses();
        List<WitnessClient.Configured> witnesses = new ArrayList<>();
        configured.forEach((id, settings) -> {
            String at = WITNESSES + "." + id;
            String url = settings.url();
            if (url == null || url.isBlank()) {
                throw new IllegalStateException(at + ".url is missing: where the witness answers add-checkpoint");
            }
            Cosignature.WitnessKey key;
            try {
                key = Cosignature.WitnessKey.parse(settings.verifierKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(at + ".verifier-key: " + e.getMessage(), e);
            }
            witnesses.add(new WitnessClient.Configured(id, URI.create(url), key));
        });
        return witnesses;
    }
}
