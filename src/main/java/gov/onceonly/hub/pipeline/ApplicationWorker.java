package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.tracing.TraceLogging;
import gov.onceonly.hub.tracing.TraceParent;
import gov.onceonly.hub.tracing.TraceStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the pipeline does with a record of its topics, on a worker thread. An application received is collected,
 * mapped and delivered in one go: the one durable hand-off of the happy path is the one from intake to here. A
 * delivery queued (a retry, a replay, an item released by supplied materials) is sent on its own. A message that
 * names nothing the hub can act on is kept for an operator and counts as done, so it cannot block its partition.
 */
public class ApplicationWorker {

    private final ObjectMapper json;
    private final CollectStage collect;
    private final DispatchStage dispatch;
    private final RejectedMessages rejected;
    private final TraceStage traces;

    public ApplicationWorker(ObjectMapper json, CollectStage collect, DispatchStage dispatch, RejectedMessages rejected,
                             TraceStage traces) {
        this.json = json;
        this.collect = collect;
        this.dispatch = dispatch;
        this.rejected = rejected;
        this.traces = traces;
    }

    public void applicationReceived(ConsumerRecord<String, byte[]> record) {
        PipelineMessages.ApplicationReceived message = read(record, PipelineMessages.ApplicationReceived.class);
        if (message == null || message.applicationId() == null) {
            return;
        }
        TraceParent trace = enter(record);
        try {
            List<DispatchStage.Delivery> deliveries = collect.collect(message.applicationId(), trace);
            dispatch.deliver(message.applicationId(), deliveries, trace);
        } finally {
            TraceLogging.clear();
        }
    }

    public void deliveryQueued(ConsumerRecord<String, byte[]> record) {
        PipelineMessages.DeliveryQueued message = read(record, PipelineMessages.DeliveryQueued.class);
        if (message == null || message.applicationId() == null || message.itemId() == null) {
            return;
        }
        TraceParent trace = enter(record);
        try {
            dispatch.queued(message.applicationId(), message.itemId())
                    .ifPresent(delivery -> dispatch.deliver(message.applicationId(), List.of(delivery), trace));
        } finally {
            TraceLogging.clear();
        }
    }

    private <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return PipelineMessages.read(json, record.value(), type);
        } catch (IllegalArgumentException unreadable) {
            // No application can be named from it, and reading it again will not change that.
            rejected.keep(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                    unreadable.getMessage());
            return null;
        }
    }

    /** The application's trace: from the message's traceparent (the outbox relay writes it), or its stored trace id. */
    private TraceParent enter(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(TraceParent.HEADER);
        return traces.enter(header == null ? null : new String(header.value(), StandardCharsets.UTF_8), record.key());
    }
}
