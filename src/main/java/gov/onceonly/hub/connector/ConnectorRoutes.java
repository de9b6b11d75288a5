package gov.onceonly.hub.connector;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.PropertyResolver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Instantiates, for every connector file, the route template of its kind and role from {@code routes/}:
 * {@code http-source}, {@code jdbc-source}, {@code kafka-source} (+ {@code kafka-source-feed} per dataset),
 * {@code http-target}, {@code jdbc-target}, {@code kafka-target}. Sources answer on
 * {@code direct:source-<id>}, targets on {@code direct:target-<id>}.
 */
public final class ConnectorRoutes {

    static final int DEFAULT_TIMEOUT_MILLIS = 3000;

    private final ConnectorCatalog connectors;
    private final PropertyResolver placeholders;
    private final KafkaProperties kafka;
    private final SourcesProperties sources;
    private final DepartmentDataSources dataSources;
    private final FeedProgress feeds;
    private final SslBundles sslBundles;

    /**
     * {@code placeholders} resolves the {@code ${...}} of the connector files (their endpoints name environment
     * variables and the sandbox's published addresses); {@code kafka} and {@code sources} are the hub's own settings.
     */
    public ConnectorRoutes(ConnectorCatalog connectors, PropertyResolver placeholders, KafkaProperties kafka,
                           SourcesProperties sources, DepartmentDataSources dataSources, FeedProgress feeds,
                           SslBundles sslBundles) {
        this.connectors = connectors;
        this.placeholders = placeholders;
        this.kafka = kafka;
        this.sources = sources;
        this.dataSources = dataSources;
        this.feeds = feeds;
        this.sslBundles = sslBundles;
    }

    public void addTo(CamelContext camel) {
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            add(camel, entry);
        }
    }

    /**
     * A hot reload's connector changes: the routes of removed and changed connectors are stopped (in-flight calls
     * finish first, Camel's graceful stop) and removed, then the changed and added ones are instantiated again.
     * Streamed (kafka) sources are not reloaded: their feeds' consumer groups are set up at startup.
     */
    public void replace(CamelContext camel, java.util.Collection<ConnectorCatalog.Entry> changed,
                        java.util.Collection<String> removedIds) throws Exception {
        java.util.Set<String> gone = new java.util.HashSet<>(removedIds);
        changed.forEach(e -> gone.add(e.definition().id()));
        for (String id : gone) {
            for (String routeId : List.of("source-" + id, "target-" + id)) {
                if (camel.getRoute(routeId) != null) {
                    camel.getRouteController().stopRoute(routeId);
                    camel.removeRoute(routeId);
                }
            }
        }
        for (ConnectorCatalog.Entry entry : changed) {
            add(camel, entry);
        }
    }

    private void add(CamelContext camel, ConnectorCatalog.Entry entry) {
        {
            ConnectorDefinition c = entry.definition();
            UnaryOperator<String> resolve = placeholders(entry.file());
            String template = templateOf(c);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("connectorId", c.id());
            switch (c.kind()) {
                case HTTP -> {
                    params.put("baseUrl", resolve.apply("http.baseUrl=" + c.http().baseUrl()));
                    params.put("timeoutMillis", timeout(c.http().timeoutMillis()));
                    String bundle = c.http().sslBundle() == null ? "" : resolve.apply("http.sslBundle=" + c.http().sslBundle());
                    if (!bundle.isBlank()) {
                        camel.getRegistry().bind(ConnectorTls.beanName(c.id()), ConnectorTls.of(entry.file(), bundle, sslBundles));
                        params.put("tlsContext", "#" + ConnectorTls.beanName(c.id()));
                    }
                    if (!c.isSource()) {
                        params.put("path", c.http().path());
                    }
                }
                case JDBC -> {
                    var jdbc = c.jdbc();
                    var resolved = new ConnectorDefinition.JdbcEndpoint(resolve.apply("jdbc.url=" + jdbc.url()),
                            jdbc.username() == null ? null : resolve.apply("jdbc.username=" + jdbc.username()),
                            jdbc.password() == null ? null : resolve.apply("jdbc.password=" + jdbc.password()),
                            jdbc.maximumPoolSize(), jdbc.timeoutMillis(), jdbc.insert());
                    camel.getRegistry().bind("dept-" + c.id(), dataSources.open(c, resolved));
                    params.put("timeoutSeconds", Math.max(1, timeout(jdbc.timeoutMillis()) / 1000));
                    if (!c.isSource()) {
                        params.put("insert", jdbc.insert());
                    }
                }
                case KAFKA -> {
                    if (!c.isSource()) {
                        params.put("topic", c.kafka().topic());
                        params.put("brokers", kafkaBrokers(c, resolve));
                    }
                }
                case ROUTE -> c.route().parameters().forEach((name, value) ->
                        params.put(name, value instanceof String text ? resolve.apply("route.parameters." + name + "=" + text) : value));
            }
            if (c.isSource() && c.kind() != ConnectorKind.KAFKA && c.kind() != ConnectorKind.ROUTE) {
                resilienceParameters(camel, c, params);
            }
            add(camel, template, c.role() == ConnectorRole.SOURCE ? "source-" + c.id() : "target-" + c.id(), params);
            if (c.kind() == ConnectorKind.KAFKA && c.isSource()) {
                String brokers = kafkaBrokers(c, resolve);
                String prefix = kafka.groupPrefix() + "-feed-" + c.id();
                c.datasets().forEach((name, dataset) -> {
                    // A group per dataset: feeds of one connector sharing a group would rebalance each other at startup.
                    String group = prefix + "-" + name;
                    feeds.track(c.id(), name, dataset.topic(), group, brokers);
                    add(camel, "kafka-source-feed", "feed-" + c.id() + "-" + name, Map.of("connectorId", c.id(),
                            "dataset", name, "topic", dataset.topic(), "brokers", brokers, "groupId", group));
                });
            }
        }
    }

    /** The route template a connector instantiates: its kind's and role's, or the one a kind route connector names. */
    public static String templateOf(ConnectorDefinition c) {
        return c.kind() == ConnectorKind.ROUTE ? c.route().template() : c.kind().yamlName() + "-" + c.role().yamlName();
    }

    /** Retries and circuit breaker of a remote source, bound for its template to name (see {@link SourceProtection}). */
    private void resilienceParameters(CamelContext camel, ConnectorDefinition c, Map<String, Object> params) {
        SourceResilience r = (c.resilience() == null ? new SourceResilience(null, null, null) : c.resilience())
                .withDefaults(sources);
        params.putAll(SourceProtection.bind(camel.getRegistry(), c.id(), r));
    }

    /** A department's own cluster if the file names one, else the hub's broker. */
    private String kafkaBrokers(ConnectorDefinition c, UnaryOperator<String> resolve) {
        return c.kafka() == null || c.kafka().brokers() == null
                ? kafka.bootstrapServers()
                : resolve.apply("kafka.brokers=" + c.kafka().brokers());
    }

    private static int timeout(Integer millis) {
        return millis == null ? DEFAULT_TIMEOUT_MILLIS : millis;
    }

    private static void add(CamelContext camel, String template, String routeId, Map<String, Object> params) {
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(camel, template).routeId(routeId);
        params.forEach(builder::parameter);
        builder.add();
    }

    /** Resolves {@code ${...}} in one value ("path=value"); an unresolvable one names the file and the path. */
    private UnaryOperator<String> placeholders(String file) {
        return pathAndValue -> {
            int eq = pathAndValue.indexOf('=');
            try {
                return placeholders.resolveRequiredPlaceholders(pathAndValue.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new ConfigFileException(new ConfigProblem(file, pathAndValue.substring(0, eq), e.getMessage()));
            }
        };
    }
}
