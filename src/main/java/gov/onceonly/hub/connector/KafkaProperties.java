package gov.onceonly.hub.connector;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.Map;

/**
 * The hub's Kafka (hub.kafka.*): its brokers, its consumer groups' prefix, how its topics are replicated, and
 * the client settings every Kafka client of the hub adds to its own (KafkaClientSettings).
 *
 * @param bootstrapServers the hub's brokers; unset, the embedded broker is started (embedded/EmbeddedInfrastructure)
 * @param groupPrefix consumer groups are <prefix>-pipeline, <prefix>-status,
 *        <prefix>-feed-<connector>-<dataset>: hubs sharing a broker keep apart
 * @param replicationFactor replicas of the hub's topics when it creates them; unset, the broker's default (production
 *        runs three brokers with 3, docs/deployment.md)
 * @param minInsyncReplicas min.insync.replicas of the hub's topics when it creates them; unset, the broker's
 *        default (production: 2)
 * @param client Kafka client properties in Kafka's own names (security.protocol, ssl.truststore.location,
 *        sasl.jaas.config...), added to every Kafka client of the hub and to Camel's Kafka component
 */
@Validated
@ConfigurationProperties("hub.kafka")
public record KafkaProperties(
        @NotBlank String bootstrapServers,
        @DefaultValue("hub") @NotBlank String groupPrefix,
        @Positive Short replicationFactor,
        @Positive Integer minInsyncReplicas,
        Map<String, String> client) {

    public KafkaProperties {
        client = client == null ? Map.of() : Map.copyOf(client);
    }

    /** The client settings of every Kafka client of the hub. */
    public KafkaClientSettings clientSettings() {
        return new KafkaClientSettings(client);
    }
}
