package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the pipeline does with a record of its topics, on a worker thread. An application received is collected,
 * mapped and delivered in one go: the one durable hand-off of the happy path is the one from intake to here. A
 * delivery queued (a retry, a replay, an item released by supplied materials) is sent on its own. A message that
 * names nothing the hub can act on is kept for an operator and counts as done, so it cannot block its partition.
 * The work on a record is a span, {@code process <topic>}, in the trace of the record's W3C headers (the outbox relay
 * writes the application's), with the stages' spans under it.
 */
public class ApplicationWorker {

    private final ObjectMapper json;
    private final CollectStage collect;
    private final DispatchStage dispatch;
    private final RejectedMessages rejected;
    private final Tracer tracer;
    private final Propagator propagator;

    public ApplicationWorker(ObjectMapper json, CollectStage collect, DispatchStage dispatch, RejectedMessages rejected,
                             Tracer tracer, Propagator propagator) {
        this.json = json;
        this.collect = collect;
        this.dispatch = dispatch;
        this.rejected = rejected;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public void applicationReceived(ConsumerRecord<String, byte[]> record) {
        PipelineMessages.ApplicationReceived message = read(record, PipelineMessages.ApplicationReceived.class);
        if (message == null || message.applicationId() == null) {
            return;
        }
        Span span = received(record);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            List<DispatchStage.Delivery> deliveries = collect.collect(message.applicationId());
            dispatch.deliver(message.applicationId(), deliveries);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void deliveryQueued(ConsumerRecord<String, byte[]> record) {
        PipelineMessages.DeliveryQueued message = read(record, PipelineMessages.DeliveryQueued.class);
        if (message == null || message.applicationId() == null || message.itemId() == null) {
            return;
        }
        Span span = received(record);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            dispatch.queued(message.applicationId(), message.itemId())
                    .ifPresent(delivery -> dispatch.deliver(message.applicationId(), List.of(delivery)));
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
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

    /** The span of the work on a record: a consumer's, child of the context its headers carry (or a new trace). */
    private Span received(ConsumerRecord<String, byte[]> record) {
        return propagator.extract(record.headers(), ApplicationWorker::header).kind(Span.Kind.CONSUMER)
                .name("process " + record.topic())
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.kafka.partition", record.partition())
                .tag("messaging.kafka.offset", record.offset())
                .start();
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
