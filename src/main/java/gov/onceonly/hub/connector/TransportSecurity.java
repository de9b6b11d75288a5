package gov.onceonly.hub.connector;

import gov.onceonly.hub.configfile.ConfigProblem;
import org.springframework.core.env.PropertyResolver;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Outside the sandbox no department is reached in clear: an http connector uses https, a JDBC connector asks its
 * driver for a verified TLS connection ({@code sslmode=verify-full} for PostgreSQL, {@code sslMode=verify-full} for
 * MariaDB), and a Kafka connector on a department's own brokers runs over SSL or SASL_SSL
 * ({@code hub.kafka.client.security.protocol} or Camel's {@code camel.component.kafka.security-protocol}, with the
 * truststore and credentials beside it). An endpoint on this
 * machine (loopback) is exempt. The hub refuses to start
 * on any other (config/PipelineConfiguration), naming the file and the path, unless
 * {@code hub.connectors.allow-plaintext} says a mesh or a tunnel encrypts below it.
 */
public final class TransportSecurity {

    private TransportSecurity() {
    }

    /** Where a connector reaches its department: the path of the endpoint in its file, and the value as written. */
    public record Endpoint(String path, String value) {
    }

    /** The connector's endpoint; empty for a custom route, and for Kafka topics on the hub's own brokers. */
    public static Optional<Endpoint> endpointOf(ConnectorDefinition c) {
        return switch (c.kind()) {
            case HTTP -> Optional.of(new Endpoint("http.baseUrl", c.http().baseUrl()));
            case JDBC -> Optional.of(new Endpoint("jdbc.url", c.jdbc().url()));
            case KAFKA -> c.kafka() == null || c.kafka().brokers() == null ? Optional.empty()
                    : Optional.of(new Endpoint("kafka.brokers", c.kafka().brokers()));
            case ROUTE -> Optional.empty();
        };
    }

    /**
     * Every connector endpoint, as resolved ({@code ${...}} against {@code placeholders}), that would travel in clear.
     * The Kafka protocol is the hub-wide client settings' ({@code hub.kafka.client.security.protocol}, which
     * config/KafkaClientConfiguration gives Camel too), else Camel's own option
     * ({@code camel.component.kafka.security-protocol}, {@code camelKafkaProtocol}, may be null), else PLAINTEXT.
     */
    public static List<ConfigProblem> problems(ConnectorCatalog connectors, PropertyResolver placeholders,
                                               KafkaProperties kafka, String camelKafkaProtocol) {
        String kafkaProtocol = kafka.client().getOrDefault("security.protocol",
                camelKafkaProtocol == null ? "PLAINTEXT" : camelKafkaProtocol);
        String hubBrokers = kafka.bootstrapServers() == null ? "" : kafka.bootstrapServers();
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            ConnectorDefinition c = entry.definition();
            endpointOf(c).ifPresent(endpoint -> {
                String resolved = placeholders.resolvePlaceholders(endpoint.value());
                // On the hub's own brokers a department's topics are the hub's infrastructure, secured with it; a
                // department's own brokers are a link to it, and must not be in clear.
                if (c.kind() != ConnectorKind.KAFKA || !resolved.equals(hubBrokers)) {
                    plaintext(c.kind(), resolved, kafkaProtocol)
                            .ifPresent(why -> problems.add(new ConfigProblem(entry.file(), endpoint.path(), why)));
                }
            });
        }
        return problems;
    }

    /** Why one endpoint travels in clear; empty when it is protected or on this machine. */
    static Optional<String> plaintext(ConnectorKind kind, String endpoint, String kafkaProtocol) {
        switch (kind) {
            case HTTP -> {
                if (endpoint.startsWith("https://") || loopback(host(endpoint))) {
                    return Optional.empty();
                }
                return Optional.of(endpoint + " is plain http: use https");
            }
            case JDBC -> {
                String lower = endpoint.toLowerCase(Locale.ROOT);
                if (loopback(host(endpoint.replaceFirst("^jdbc:", ""))) || lower.contains("sslmode=verify-full")) {
                    return Optional.empty();
                }
                return Optional.of("asks for no verified TLS connection: add sslmode=verify-full (PostgreSQL) or "
                        + "sslMode=verify-full (MariaDB) to the URL");
            }
            case KAFKA -> {
                boolean local = List.of(endpoint.split(",")).stream().allMatch(b -> loopback(b.strip().split(":")[0]));
                if (local || "SSL".equalsIgnoreCase(kafkaProtocol) || "SASL_SSL".equalsIgnoreCase(kafkaProtocol)) {
                    return Optional.empty();
                }
                return Optional.of("brokers " + endpoint + " are reached without TLS: set hub.kafka.client."
                        + "security.protocol to SSL or SASL_SSL (and its truststore, hub.kafka.client.ssl.*)");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
