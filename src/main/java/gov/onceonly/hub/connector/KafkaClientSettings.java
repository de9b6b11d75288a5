package gov.onceonly.hub.connector;

import java.util.HashMap;
import java.util.Map;

/**
 * What every Kafka client of the hub adds to its own settings: {@code hub.kafka.client.*}
 * ({@link KafkaProperties#client()}), in Kafka's own property
 * names ({@code security.protocol}, {@code ssl.truststore.location}, {@code sasl.jaas.config}...). One place, so that
 * the pipeline's consumer, the outbox producer, the admin clients of health, lag and feeds, and Camel's Kafka
 * endpoints (config/PipelineConfiguration) all reach a TLS or SASL broker alike. A client's own settings win over
 * these, so tuning here cannot undo what a stage needs (manual commits, idempotence).
 */
public record KafkaClientSettings(Map<String, String> properties) {

    public static final KafkaClientSettings NONE = new KafkaClientSettings(Map.of());

    public KafkaClientSettings {
        properties = Map.copyOf(properties);
    }

    /** A client's configuration: these settings, then its own on top. */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(properties);
        config.putAll(own);
        return config;
    }

    /** How the clients reach the brokers: Kafka's {@code security.protocol}, PLAINTEXT unless set. */
    public String securityProtocol() {
        return properties.getOrDefault("security.protocol", "PLAINTEXT");
    }
}
