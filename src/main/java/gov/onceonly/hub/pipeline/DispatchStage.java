package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.application.StoredItem;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import org.apache.camel.Exchange;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispatch stage: one queued delivery becomes one call to the item's target, carrying the
 * {@code Idempotency-Key} (application id + item id). Only a PENDING item is sent, so a redelivered
 * message after success sends nothing.
 */
public class DispatchStage {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set once the delivery is read; routes/pipeline-errors.yaml tells a failed delivery from an unread one by it. */
    static final String ITEM = "hubItem";
    /** The envelope's exact text as sent, for the evidence of its delivery. */
    static final String ENVELOPE = "hubEnvelope";
    /** The record's field names, for the access log of the push. */
    static final String FIELD_NAMES = "hubFieldNames";
    private final ApplicationStore store;
    private final ObjectMapper json;
    private final DeliveryRetries retries;
    private final RejectedMessages rejected;
    private final TransactionTemplate tx;
    private final EvidenceRecorder evidence;

    public DispatchStage(ApplicationStore store, ObjectMapper json, DeliveryRetries retries, RejectedMessages rejected,
                         TransactionTemplate tx, EvidenceRecorder evidence) {
        this.tx = tx;
        this.evidence = evidence;
        this.store = store;
        this.json = json;
        this.retries = retries;
        this.rejected = rejected;
    }

    public String prepare(Exchange exchange) throws Exception {
        PipelineMessages.DeliveryQueued message;
        try {
            message = PipelineMessages.read(json, exchange.getMessage().getBody(byte[].class),
                    PipelineMessages.DeliveryQueued.class);
        } catch (IllegalArgumentException unreadable) {
            // No delivery can be named from it, and reading it again will not change that: it must not block.
            rejected.keep(exchange, unreadable.getMessage());
            exchange.setProperty(CollectStage.SKIP, true);
            return null;
        }
        StoredItem item = store.item(message.applicationId(), message.itemId()).orElse(null);
        if (item == null || item.status() != ItemStatus.PENDING) {
            exchange.setProperty(CollectStage.SKIP, true);
            return null;
        }
        exchange.setProperty(ITEM, item);
        exchange.setProperty("hubTarget", item.target());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(IDEMPOTENCY_KEY, item.idempotencyKey());
        exchange.getMessage().setHeader("applicationId", item.applicationId().toString());
        exchange.getMessage().setHeader("itemId", item.itemId());
        ObjectNode envelope = json.createObjectNode();
        envelope.put("idempotencyKey", item.idempotencyKey());
        envelope.put("applicationId", item.applicationId().toString());
        envelope.put("bundle", item.bundleId());
        envelope.put("item", item.itemId());
        envelope.put("department", item.department());
        JsonNode fields = json.readTree(item.record());
        envelope.set("fields", fields);
        List<String> fieldNames = new ArrayList<>();
        fields.fieldNames().forEachRemaining(fieldNames::add);
        exchange.setProperty(FIELD_NAMES, fieldNames);
        String sent = json.writeValueAsString(envelope);
        exchange.setProperty(ENVELOPE, sent);
        return sent;
    }

    public void delivered(Exchange exchange) throws Exception {
        StoredItem item = exchange.getProperty(ITEM, StoredItem.class);
        @SuppressWarnings("unchecked")
        List<String> fields = exchange.getProperty(FIELD_NAMES, List.class);
        tx.executeWithoutResult(status -> {
            store.markDelivered(item.applicationId(), item.itemId());
            evidence.pushed(item.applicationId(), item.itemId(), item.target(), item.department(), fields,
                    exchange.getProperty(ENVELOPE, String.class).getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * Called once the quick in-place redeliveries are exhausted: the attempt is counted and the delivery waits
     * for its next one, or is parked with its last error (see {@link DeliveryRetries}). The route then commits
     * the message, so there must be an item to count the attempt on.
     *
     * @throws IllegalStateException if the delivery was never read (the database failed in {@link #prepare}):
     *                               committing then would leave the item PENDING with no message and no next
     *                               attempt, so the message must be read again instead
     */
    public void failed(Exchange exchange) {
        StoredItem item = exchange.getProperty(ITEM, StoredItem.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (item == null) {
            throw new IllegalStateException("the delivery could not be read; its message is read again", cause);
        }
        retries.failed(item, cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
