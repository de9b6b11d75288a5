package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.application.StoredItem;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The dispatch stage: an application's item records go to their targets side by side, each with its
 * {@code Idempotency-Key} (application id + item id), and what happened to all of them is recorded in one transaction:
 * delivered, with its evidence, or failed, counted and left to {@link DeliveryRetries}. A blip is retried in place
 * first ({@code quickRetries}, doubling from {@code quickRetryDelay}). Only a PENDING item is ever sent. Each sending
 * is a span, {@code dispatch}, with the pushes under it.
 */
public class DispatchStage {

    /**
     * One item record on its way: the envelope's exact text, its field names for the access log, and the attempts that
     * failed before (0 for a record just built).
     */
    public record Delivery(UUID applicationId, String itemId, String department, String target, String envelope,
                           List<String> fields, int attemptsBefore) {

        public String idempotencyKey() {
            return applicationId + ":" + itemId;
        }
    }

    /** In-place retries of a failed push before the attempt counts, and the first pause between them. */
    public record QuickRetries(int retries, Duration delay) {
    }

    private final ApplicationStore store;
    private final ObjectMapper json;
    private final DeliveryRetries retries;
    private final TransactionTemplate tx;
    private final EvidenceRecorder evidence;
    private final DepartmentCalls calls;
    private final ParallelWork work;
    private final QuickRetries quick;
    private final Tracer tracer;

    public DispatchStage(ApplicationStore store, ObjectMapper json, DeliveryRetries retries, TransactionTemplate tx,
                         EvidenceRecorder evidence, DepartmentCalls calls, ParallelWork work, QuickRetries quick,
                         Tracer tracer) {
        this.store = store;
        this.json = json;
        this.retries = retries;
        this.tx = tx;
        this.evidence = evidence;
        this.calls = calls;
        this.work = work;
        this.quick = quick;
        this.tracer = tracer;
    }

    /** The delivery of a record just built for a PENDING item. */
    public Delivery delivery(UUID applicationId, String bundleId, ItemRecord record) {
        try {
            return envelope(applicationId, bundleId, record.itemId(), record.department(), record.target(),
                    json.writeValueAsString(record.values()), List.copyOf(record.values().keySet()), 0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the record of " + applicationId + ":" + record.itemId(), e);
        }
    }

    /** The delivery of a stored item, if it is still PENDING (a queued message after success sends nothing). */
    public Optional<Delivery> queued(UUID applicationId, String itemId) {
        return store.item(applicationId, itemId).filter(item -> item.status() == ItemStatus.PENDING).map(this::delivery);
    }

    /** The delivery of a stored item: its record as stored, compacted the way Jackson writes it. */
    public Delivery delivery(StoredItem item) {
        try {
            JsonNode fields = json.readTree(item.record());
            List<String> names = new ArrayList<>();
            fields.fieldNames().forEachRemaining(names::add);
            return envelope(item.applicationId(), item.bundleId(), item.itemId(), item.department(), item.target(),
                    json.writeValueAsString(fields), List.copyOf(names), item.attempts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored record of " + item.idempotencyKey() + " is unreadable", e);
        }
    }

    /** Sends an application's deliveries side by side, then records every outcome in one transaction. */
    public void deliver(UUID applicationId, List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        Span span = tracer.nextSpan().name("dispatch").tag("hub.application", applicationId.toString())
                .tag("hub.items", deliveries.size()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            deliverInSpan(applicationId, deliveries);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void deliverInSpan(UUID applicationId, List<Delivery> deliveries) {
        List<Callable<Void>> pushes = new ArrayList<>(deliveries.size());
        deliveries.forEach(d -> pushes.add(() -> push(d)));
        List<ParallelWork.Outcome<Void>> outcomes = work.all(pushes, 0);
        List<Delivery> delivered = delivered(deliveries, outcomes);
        tx.executeWithoutResult(status -> {
            // Before the items' rows, as a report and a withdrawal take them.
            boolean withdrawn = store.lock(applicationId);
            for (int i = 0; i < deliveries.size(); i++) {
                Exception failure = outcomes.get(i).failure();
                if (failure != null) {
                    retries.failed(deliveries.get(i), failure.getClass().getSimpleName() + ": " + failure.getMessage());
                }
            }
            store.markDelivered(applicationId, delivered.stream().map(Delivery::itemId).toList());
            if (withdrawn) {
                // Cancelled as unsent while its push was under way: delivered, or failed (its answer may be what got
                // lost), the department has or may have it, so it is withdrawn there too.
                store.attemptedWhileWithdrawn(applicationId, deliveries.stream().map(Delivery::itemId).toList());
            }
            evidence.pushed(applicationId, delivered.stream().map(d -> new EvidenceRecorder.Push(d.itemId(), d.target(),
                    d.department(), d.fields(), d.envelope().getBytes(StandardCharsets.UTF_8))).toList());
            store.refreshStatus(applicationId, withdrawn);
        });
        delivered.stream().filter(d -> d.attemptsBefore() > 0).map(Delivery::target).distinct()
                .forEach(retries::targetAnswersAgain);
    }

    private static List<Delivery> delivered(List<Delivery> deliveries, List<ParallelWork.Outcome<Void>> outcomes) {
        List<Delivery> delivered = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            if (outcomes.get(i).succeeded()) {
                delivered.add(deliveries.get(i));
            }
        }
        return delivered;
    }

    private Void push(Delivery delivery) throws Exception {
        Map<String, String> headers = Map.of("applicationId", delivery.applicationId().toString(), "itemId", delivery.itemId());
        for (int attempt = 0; ; attempt++) {
            try {
                calls.push(delivery.target(), delivery.idempotencyKey(), delivery.envelope(), headers, attempt);
                return null;
            } catch (Exception e) {
                if (attempt >= quick.retries()) {
                    throw e;
                }
                Thread.sleep(quick.delay().toMillis() << attempt);
            }
        }
    }

    /**
     * The envelope around a record's JSON ({@code fields}), written once by Jackson: the record goes in as a raw value,
     * as it is, so a record is not serialised a second time for its envelope.
     */
    private Delivery envelope(UUID applicationId, String bundleId, String itemId, String department, String target,
                              String fields, List<String> names, int attemptsBefore) {
        ObjectNode head = json.createObjectNode();
        head.put("idempotencyKey", applicationId + ":" + itemId);
        head.put("applicationId", applicationId.toString());
        head.put("bundle", bundleId);
        head.put("item", itemId);
        head.put("department", department);
        try {
            head.putRawValue("fields", new RawValue(fields));
            String envelope = json.writeValueAsString(head);
            return new Delivery(applicationId, itemId, department, target, envelope, names, attemptsBefore);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the envelope of " + applicationId + ":" + itemId, e);
        }
    }
}
