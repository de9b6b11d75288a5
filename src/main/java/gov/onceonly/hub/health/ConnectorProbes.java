package gov.onceonly.hub.health;

import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.DepartmentDataSources;
import gov.onceonly.hub.schedule.PeriodicJobs;
import org.springframework.core.env.PropertyResolver;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Whether each department system answers at all: a TCP connection to an http system or a Kafka cluster, a
 * validated connection from a JDBC connector's own pool. Probes run in the background on a period, in parallel,
 * so that a health request never waits for a department that hangs.
 */
public final class ConnectorProbes implements AutoCloseable {

    /** The outcome of the last probe of one connector. */
    public record Probe(boolean reachable, Instant at, String problem) {
    }

    private final ConnectorCatalog connectors;
    private final DepartmentDataSources dataSources;
    private final PropertyResolver properties;
    private final String hubBrokers;
    private final int timeoutMillis;
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();
    private final PeriodicJobs jobs;
    /** Probes of one round run side by side here, so that one department that hangs delays no other. */
    private final ExecutorService workers;
    private PeriodicJobs.Scheduled rounds;

    /** {@code properties} resolves the connector files' placeholders; {@code hubBrokers}: hub.kafka.bootstrap-servers. */
    public ConnectorProbes(ConnectorCatalog connectors, DepartmentDataSources dataSources, PropertyResolver properties,
                           String hubBrokers, PeriodicJobs jobs, ExecutorService workers, Duration timeout) {
        this.connectors = connectors;
        this.dataSources = dataSources;
        this.properties = properties;
        this.hubBrokers = hubBrokers;
        this.jobs = jobs;
        this.workers = workers;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    public synchronized ConnectorProbes every(Duration period) {
        rounds = jobs.every("Probing the department systems", Duration.ZERO, period, this::probeAll);
        return this;
    }

    public Optional<Probe> last(String connector) {
        return Optional.ofNullable(probes.get(connector));
    }

    void probeAll() {
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            ConnectorDefinition connector = entry.definition();
            workers.submit(() -> probes.put(connector.id(), probe(connector)));
        }
    }

    Probe probe(ConnectorDefinition connector) {
        try {
            switch (connector.kind()) {
                case HTTP -> connect(URI.create(properties.resolvePlaceholders(connector.http().baseUrl())));
                case JDBC -> {
                    try (Connection connection = dataSources.dataSource(connector.id()).getConnection()) {
                        if (!connection.isValid(Math.max(1, timeoutMillis / 1000))) {
                            return new Probe(false, Instant.now(), "the connection is not valid");
                        }
                    }
                }
                case KAFKA -> connect(URI.create("kafka://" + firstBroker(connector)));
                default -> {
                    return new Probe(true, Instant.now(), "not probed: a " + connector.kind() + " connector");
                }
            }
            return new Probe(true, Instant.now(), null);
        } catch (Exception e) {
            // The kind of failure only: a department's answer or address is not the health endpoint's to show.
            return new Probe(false, Instant.now(), e.getClass().getSimpleName());
        }
    }

    private String firstBroker(ConnectorDefinition connector) {
        String brokers = connector.kafka() == null || connector.kafka().brokers() == null
                ? hubBrokers
                : properties.resolvePlaceholders(connector.kafka().brokers());
        return brokers.split(",")[0].trim();
    }

    private void connect(URI uri) throws Exception {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
        }
    }

    @Override
    public synchronized void close() {
        if (rounds != null) {
            rounds.close();
        }
        workers.shutdownNow();
    }
}
