package gov.onceonly.hub.connector;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import java.util.Map;

/**
 * Calls one department through its connector's route ({@code direct:source-<id>}, {@code direct:target-<id>}, from
 * the templates in routes/), on the calling thread. The exchange carries exactly what the templates read: for a
 * source the {@link FetchRequest} as body, for a target the envelope's text as body and its {@code Idempotency-Key}.
 * Each call is a span ({@code fetch <connector>}, {@code push <target>}) of the caller's trace; Camel's observation of
 * the http, Kafka or JDBC endpoint adds the transport's span under it and carries the W3C traceparent to the
 * department (config/TracingConfiguration).
 */
public final class DepartmentCalls {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on a delivery's exchange: the metrics tell a delivery's retries from a source's by it. */
    public static final String TARGET = "hubTarget";
    /** Set on a delivery's exchange: 0 for its first push, then 1, 2 … for the pushes repeated in place. */
    public static final String ATTEMPT = "hubAttempt";

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Tracer tracer;

    public DepartmentCalls(CamelContext camel, ProducerTemplate producer, Tracer tracer) {
        this.camel = camel;
        this.producer = producer;
        this.tracer = tracer;
    }

    /** The source's answer; a source that could not answer (after its own retries) is a FAILED answer, never an exception. */
    public SourceAnswer fetch(FetchRequest request) {
        Span span = tracer.nextSpan().name("fetch " + request.connector()).tag("hub.connector", request.connector())
                .tag("hub.dataset", request.dataset()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setBody(request);
            Exchange answered = producer.send("direct:source-" + request.connector(), exchange);
            Exception failure = answered.getException();
            if (failure == null && answered.getMessage().getBody() instanceof SourceAnswer answer) {
                span.tag("hub.outcome", answer.outcome().name());
                return answer;
            }
            SourceAnswer failed = SourceAnswer.failed(request, failure == null ? "the source route answered no SourceAnswer"
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage());
            span.tag("hub.outcome", failed.outcome().name());
            span.error(failure == null ? new IllegalStateException(failed.failure()) : failure);
            return failed;
        } finally {
            span.end();
        }
    }

    /**
     * Pushes an item's envelope to its target; returns once the target acknowledged it.
     *
     * @param headers what else the target's route may put on the call (application and item id)
     * @param repeat  0 for the first push of this attempt, 1, 2 … for a push repeated in place after a blip
     * @throws Exception whatever the target's route failed with: the caller counts the attempt
     */
    public void push(String target, String idempotencyKey, String envelope, Map<String, String> headers, int repeat)
            throws Exception {
        Span span = tracer.nextSpan().name("push " + target).tag("hub.connector", target)
                .tag("hub.attempt", repeat).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.setProperty(TARGET, target);
            exchange.setProperty(ATTEMPT, repeat);
            exchange.getMessage().setHeader(IDEMPOTENCY_KEY, idempotencyKey);
            headers.forEach(exchange.getMessage()::setHeader);
            exchange.getMessage().setBody(envelope);
            Exception failure = producer.send("direct:target-" + target, exchange).getException();
            if (failure != null) {
                span.error(failure);
                throw failure;
            }
        } finally {
            span.end();
        }
    }
}
