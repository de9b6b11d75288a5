package gov.onceonly.hub.health;

import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.SourceBreakers;
import org.apache.camel.CamelContext;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health of one department connector: reachable (last probe), the circuit breaker's state (sources that
 * have one), and the last successful and failed call. DOWN when unreachable or while the circuit is open.
 */
public final class ConnectorHealth implements HealthIndicator {

    private final ConnectorDefinition connector;
    private final ConnectorProbes probes;
    private final ConnectorActivity activity;
    private final CamelContext camel;

    public ConnectorHealth(ConnectorDefinition connector, ConnectorProbes probes, ConnectorActivity activity,
                           CamelContext camel) {
        this.connector = connector;
        this.probes = probes;
        this.activity = activity;
        this.camel = camel;
    }

    /** One indicator per connector, named by its id, for a composite contributor. */
    public static Map<String, HealthIndicator> all(ConnectorCatalog connectors, ConnectorProbes probes,
                                                   ConnectorActivity activity, CamelContext camel) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        connectors.entries().forEach(entry ->
                indicators.put(entry.definition().id(), new ConnectorHealth(entry.definition(), probes, activity, camel)));
        return indicators;
    }

    @Override
    public Health health() {
        String circuit = connector.isSource()
                ? SourceBreakers.of(camel, connector.id()).map(b -> b.getCircuitBreakerState()).orElse("NONE") : "NONE";
        Health.Builder health = Health.unknown();
        health.withDetail("department", connector.department()).withDetail("kind", connector.kind().name().toLowerCase())
                .withDetail("role", connector.role().name().toLowerCase()).withDetail("circuit", circuit);
        probes.last(connector.id()).ifPresent(probe -> {
            health.withDetail("reachable", probe.reachable()).withDetail("probedAt", probe.at());
            if (probe.problem() != null) {
                health.withDetail("probeProblem", probe.problem());
            }
            health.status(probe.reachable() ? "UP" : "DOWN");
        });
        activity.of(connector.id()).ifPresent(last -> {
            detail(health, "lastSuccess", last.success());
            detail(health, "lastFailure", last.failure());
            detail(health, "lastFailureReason", last.failureReason());
        });
        if (circuit.contains("OPEN")) {
            health.down();
        }
        return health.build();
    }

    private static void detail(Health.Builder health, String name, Object value) {
        if (value != null) {
            health.withDetail(name, value);
        }
    }
}
