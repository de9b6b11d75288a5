package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.ItemDefinition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The back-office systems of every department but 市卫生健康委 ({@link ApprovalStatusReporter}) deciding what they
 * receive, as real ones would, on the hub's status topic: ACCEPTED a moment after receipt, then DONE with the outputs
 * the mapping declares for the item, or REJECTED for an item a test asked to reject or a department's own rule refuses
 * ({@link DepartmentRules}); a withdrawal notice, from any system, is answered WITHDRAWN. On in the sandbox profile
 * ({@code hub.sandbox.report-status}); a test may stop it to report itself. Records when each decision was reported,
 * so that a test can check on the departments' side that no item arrived before what it waits for was decided. The
 * departments behind a JDBC exchange table (前置库) read it as real ones would: every 200 ms, the rows received since.
 */
public final class SandboxDecisions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxDecisions.class);
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** The {@code type} of a withdrawal notice's envelope. */
    static final String WITHDRAWAL = "withdrawal";

    private final BundleCatalog bundles;
    private final SandboxClock clock;
    private final DepartmentRules rules;
    private final ObjectMapper json;
    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-decisions");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    /** The exchange-table rows already read; the poll reads again a little before the newest it saw. */
    private final Set<String> exchanged = ConcurrentHashMap.newKeySet();
    private volatile Instant exchangedUpTo = Instant.now();
    private volatile Instant enabledAt = Instant.now();
    private volatile ExchangeTables exchangeTables;
    /** When each report was published, by idempotency key and status. */
    private final Map<String, Instant> reportedAt = new ConcurrentHashMap<>();
    private volatile boolean enabled;
    private volatile DecisionChannel channel;

    SandboxDecisions(BundleCatalog bundles, ObjectMapper json, String bootstrapServers, String topic, boolean enabled,
                     SandboxClock clock, DepartmentRules rules) {
        this.bundles = bundles;
        this.clock = clock;
        this.rules = rules;
        this.json = json;
        this.topic = topic;
        this.enabled = enabled;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "sandbox-decisions"), new StringSerializer(), new StringSerializer());
    }

    public void enable(boolean on) {
        if (on && !enabled) {
            enabledAt = Instant.now(); // only what arrives from now on is decided, as with the inboxes
            exchangedUpTo = enabledAt;
        }
        enabled = on;
    }

    /** Reports through that channel instead of on this JVM's hub's status topic; null: on the topic again. */
    public void reportThrough(DecisionChannel channel) {
        this.channel = channel;
    }

    /** Where the JDBC departments read what they received. */
    @FunctionalInterface
    interface ExchangeTables {
        java.util.List<ApprovalInbox.Received> since(Instant since) throws Exception;
    }

    /** Starts reading the exchange tables every 200 ms (while enabled). */
    void readExchangeTables(ExchangeTables tables) {
        this.exchangeTables = tables;
        scheduler.scheduleWithFixedDelay(this::readExchanges, 200, 200, TimeUnit.MILLISECONDS);
    }

    private void readExchanges() {
        if (!enabled || exchangeTables == null) {
            return;
        }
        try {
            Instant newest = exchangedUpTo;
            for (ApprovalInbox.Received row : exchangeTables.since(exchangedUpTo.minusSeconds(2))) {
                if (row.receivedAt().isBefore(enabledAt) || !exchanged.add(row.idempotencyKey())) {
                    continue;
                }
                received(row);
                newest = row.receivedAt().isAfter(newest) ? row.receivedAt() : newest;
            }
            exchangedUpTo = newest;
        } catch (Exception e) {
            log.warn("Sandbox departments could not read their exchange tables: {}", e.getMessage());
        }
    }

    /** The items (by item id, in any bundle) to reject from now on, instead of deciding them DONE; none clears. */
    public void reject(Set<String> itemIds) {
        rejected.clear();
        rejected.addAll(itemIds);
    }

    /** When the department published that status on the record of that idempotency key (null: not yet). */
    public Instant reportedAt(String idempotencyKey, String status) {
        return reportedAt.get(idempotencyKey + "|" + status);
    }

    void received(ApprovalInbox.Received received) {
        if (!enabled) {
            return;
        }
        try {
            JsonNode envelope = json.readTree(received.body());
            String applicationId = envelope.path("applicationId").asText();
            String item = envelope.path("item").asText();
            // Every envelope the hub sends, an item's record or a notice, names the item's department.
            Decided decided = new Decided(received.idempotencyKey(), envelope.path("department").asText(), applicationId,
                    item);
            if (WITHDRAWAL.equals(envelope.path("type").asText())) {
                // Any department, 市卫生健康委 too: it stops working on the item and says so.
                scheduler.schedule(() -> publish(decided, Map.of("status", "WITHDRAWN")), 100, TimeUnit.MILLISECONDS);
                return;
            }
            if (ApprovalStatusReporter.SYSTEM.equals(received.system()) || envelope.hasNonNull("type")) {
                return; // 市卫生健康委 decides over REST; a certificate for the library is no item to decide
            }
            scheduler.schedule(() -> publish(decided, Map.of("status", "ACCEPTED")), 100, TimeUnit.MILLISECONDS);
            scheduler.schedule(() -> decide(decided, item, envelope), 400, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Sandbox {} cannot read what it received: {}", received.system(), e.getMessage());
        }
    }

    /** The department's decision on an item: a scheduled task, so a failure is logged here or lost. */
    private void decide(Decided decided, String item, JsonNode envelope) {
        try {
            Map<String, Object> decision = new LinkedHashMap<>();
            Optional<String> refusal = rejected.contains(item) ? Optional.of("材料不符合要求（沙箱）")
                    : rules.refusal(item, envelope.path("fields"));
            if (refusal.isPresent()) {
                decision.put("status", "REJECTED");
                decision.put("reason", refusal.get());
            } else {
                decision.put("status", "DONE");
                decision.put("result", "准予办理");
                Map<String, Object> outputs = outputs(envelope);
                if (!outputs.isEmpty()) {
                    decision.put("outputs", outputs);
                }
                rules.decided(envelope.path("fields"), outputs);
            }
            publish(decided, decision);
        } catch (RuntimeException e) {
            log.warn("Sandbox {} could not decide item {} of {}: {}", decided.department(), item, decided.applicationId(),
                    e.toString());
        }
    }

    /** The outputs the mapping declares for the item, each produced the way its department would. */
    private Map<String, Object> outputs(JsonNode envelope) {
        Map<String, ItemDefinition.Output> declared = bundles.find(envelope.path("bundle").asText())
                .flatMap(bundle -> bundle.item(envelope.path("item").asText()))
                .map(item -> item.outputs()).orElse(Map.of());
        Map<String, Object> outputs = new LinkedHashMap<>();
        declared.forEach((name, output) -> {
            String value = SandboxOutputs.value(name, output == null ? null : output.pattern(),
                    envelope.path("fields"), envelope.path("idempotencyKey").asText(), clock.today());
            if (value != null) {
                outputs.put(name, value);
            }
        });
        return outputs;
    }

    /** The item a report is on, and the department whose system makes it. */
    private record Decided(String idempotencyKey, String department, String applicationId, String item) {
    }

    /** Publishes a report, and notes when: before the send, so the hub cannot have it before the note says so. */
    private void publish(Decided on, Map<String, Object> report) {
        reportedAt.put(on.idempotencyKey() + "|" + report.get("status"), Instant.now());
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("at", OffsetDateTime.now(BEIJING).toString());
            body.putAll(report);
            DecisionChannel elsewhere = channel;
            if (elsewhere != null) {
                elsewhere.report(on.department(), on.applicationId(), on.item(), json.writeValueAsString(body));
                return;
            }
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("applicationId", on.applicationId());
            message.put("item", on.item());
            message.putAll(body);
            producer.send(new ProducerRecord<>(topic, on.applicationId(), json.writeValueAsString(message)));
        } catch (Exception e) {
            log.warn("Sandbox could not report on {} {}: {}", on.applicationId(), on.item(), e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close(java.time.Duration.ofSeconds(2));
    }
}
