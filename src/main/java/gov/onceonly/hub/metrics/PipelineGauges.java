package gov.onceonly.hub.metrics;

import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.SourceBreakers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's state as gauges, read from PostgreSQL (the state's only home, shared by every hub instance):
 * applications by bundle and status, items by target and status (parked deliveries among them), deliveries
 * waiting for their next attempt, the outbox backlog, evidence waiting to be chained, and the open circuits of this
 * instance's sources.
 * {@link #refresh()} runs on a schedule, so a Prometheus scrape never waits for a query.
 */
public final class PipelineGauges {

    private final JdbcTemplate jdbc;
    private final CamelContext camel;
    private final ConnectorCatalog connectors;
    private final GaugeFamily applications;
    private final GaugeFamily items;
    private final GaugeFamily circuits;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong waitingRetry = new AtomicLong();
    private final AtomicLong outboxBacklog = new AtomicLong();
    private final AtomicLong outboxOldestSeconds = new AtomicLong();
    private final AtomicLong openCircuits = new AtomicLong();
    private final AtomicLong evidenceWaiting = new AtomicLong();
    private final AtomicLong evidenceOldestSeconds = new AtomicLong();

    public PipelineGauges(JdbcTemplate jdbc, CamelContext camel, ConnectorCatalog connectors, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.camel = camel;
        this.connectors = connectors;
        applications = new GaugeFamily("hub.applications", "Applications by bundle and status", registry);
        items = new GaugeFamily("hub.items", "Items by target and status", registry);
        circuits = new GaugeFamily("hub.circuit.open", "1 while a source's circuit breaker is open or half-open, else 0",
                registry);
        gauge(registry, "hub.deliveries.parked", parked, "Deliveries parked after their retries, waiting for an operator");
        gauge(registry, "hub.deliveries.waiting.retry", waitingRetry, "Deliveries waiting for their next retry");
        gauge(registry, "hub.outbox.backlog", outboxBacklog, "Outbox rows committed but not yet published to Kafka");
        gauge(registry, "hub.outbox.oldest.seconds", outboxOldestSeconds, "Age of the oldest unpublished outbox row");
        gauge(registry, "hub.circuits.open", openCircuits, "Sources whose circuit breaker is open or half-open");
        gauge(registry, "hub.evidence.waiting", evidenceWaiting, "Evidence entries recorded but not yet chained");
        gauge(registry, "hub.evidence.waiting.oldest.seconds", evidenceOldestSeconds,
                "Age of the oldest evidence entry not yet chained");
    }

    /** Every gauge says what it counts: Prometheus's HELP line, which promtool and the alert rules' readers need. */
    private static void gauge(MeterRegistry registry, String name, Number value, String description) {
        Gauge.builder(name, value, Number::doubleValue).description(description).strongReference(true).register(registry);
    }

    public void refresh() {
        Map<Tags, Long> applicationCounts = new HashMap<>();
        jdbc.query("select bundle_id, status, count(*) from application group by 1, 2", rs -> {
            applicationCounts.put(Tags.of("bundle", rs.getString(1), "status", rs.getString(2)), rs.getLong(3));
        });
        applications.update(applicationCounts);
        Map<Tags, Long> itemCounts = new HashMap<>();
        long[] parkedNow = {0};
        jdbc.query("select target_id, status, count(*) from application_item group by 1, 2", rs -> {
            itemCounts.put(Tags.of("target", rs.getString(1), "status", rs.getString(2)), rs.getLong(3));
            if ("PARKED".equals(rs.getString(2))) {
                parkedNow[0] += rs.getLong(3);
            }
        });
        items.update(itemCounts);
        parked.set(parkedNow[0]);
        waitingRetry.set(count("select count(*) from application_item where next_delivery_at is not null"));
        outboxBacklog.set(count("select count(*) from outbox where published_at is null"));
        outboxOldestSeconds.set(count("select coalesce(extract(epoch from now() - min(created_at))::bigint, 0) "
                + "from outbox where published_at is null"));
        // Evidence written but not yet chained: a chainer runs every 250 ms, so an old one means none is running, or a
        // transaction left open holds the horizon back (docs/operations.md).
        String waiting = " from evidence_entry where xid >= coalesce((select xid_horizon from evidence_block "
                + "order by seq desc limit 1), '0')";
        evidenceWaiting.set(count("select count(*)" + waiting));
        evidenceOldestSeconds.set(count("select coalesce(extract(epoch from now() - min(recorded_at))::bigint, 0)" + waiting));
        refreshCircuits();
    }

    private void refreshCircuits() {
        Map<Tags, Integer> rows = new HashMap<>();
        long open = 0;
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            if (!entry.definition().isSource()) {
                continue;
            }
            String state = SourceBreakers.of(camel, entry.definition().id())
                    .map(breaker -> breaker.getCircuitBreakerState()).orElse("NONE");
            int isOpen = state.contains("OPEN") ? 1 : 0;
            open += isOpen;
            rows.put(Tags.of("connector", entry.definition().id()), isOpen);
        }
        circuits.update(rows);
        openCircuits.set(open);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
