package gov.onceonly.hub.connector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One department system, as written in {@code connectors/<id>.yaml}. Exactly one of the blocks
 * {@code http}, {@code jdbc}, {@code kafka} or {@code route} is present, matching {@link #kind()}.
 */
public record ConnectorDefinition(
        String id,
        String department,
        String system,
        ConnectorKind kind,
        ConnectorRole role,
        HttpEndpoint http,
        JdbcEndpoint jdbc,
        KafkaEndpoint kafka,
        CustomRoute route,
        SourceResilience resilience,
        LinkedHashMap<String, DatasetDefinition> datasets) {

    public ConnectorDefinition {
        datasets = datasets == null ? new LinkedHashMap<>() : datasets;
    }

    public boolean isSource() {
        return role == ConnectorRole.SOURCE;
    }

    public Map<String, DatasetDefinition> datasetsView() {
        return Map.copyOf(datasets);
    }

    /**
     * An approval REST API (target) or a department REST API (source). {@code sslBundle} names the Spring Boot SSL
     * bundle of its calls (client certificate for mutual TLS, trusted CA); none means the JVM's defaults.
     */
    public record HttpEndpoint(String baseUrl, String path, Integer timeoutMillis, String sslBundle) {

        public int timeoutOrDefault() {
            return timeoutMillis == null ? ConnectorRoutes.DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
        }
    }

    /** A department database with its own connection pool; {@code insert} is a target's exchange-table insert. */
    public record JdbcEndpoint(String url, String username, String password, Integer maximumPoolSize,
                               Integer timeoutMillis, String insert) {
    }

    /** A department topic (target), or the broker that carries a source's dataset streams. */
    public record KafkaEndpoint(String topic, String brokers) {
    }

    /**
     * A route template an engineer wrote in {@code routes/} for an odd department (a SOAP service, a nightly CSV
     * drop), with its parameters besides {@code connectorId}; values may be {@code ${ENV_VAR:default}} placeholders.
     */
    public record CustomRoute(String template, LinkedHashMap<String, Object> parameters) {

        public CustomRoute {
            parameters = parameters == null ? new LinkedHashMap<>() : parameters;
        }
    }
}
