package gov.onceonly.hub.tracing;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The trace inside the pipeline's routes. {@link #enter} runs first in each Kafka-fed stage: it takes the trace
 * from the message's {@code traceparent} header (the outbox relay writes it), or else from the application's
 * stored trace id, so a message published by a retry keeps its application's trace. {@link #outgoing} gives each
 * department call its own span of that trace.
 */
public final class TraceStage {

    public static final String PROPERTY = "hubTrace";

    private final JdbcTemplate jdbc;

    public TraceStage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void enter(Exchange exchange) {
        exchange.setProperty(PROPERTY, enter(header(exchange), exchange.getMessage().getHeader("kafka.KEY", String.class)));
    }

    /**
     * The span of a piece of work on a message with this {@code traceparent} header (or none) and key (an application
     * id, or one followed by {@code :<item>}), put in the log's MDC; the caller clears it ({@link TraceLogging#clear}).
     */
    public TraceParent enter(String traceparent, String key) {
        TraceParent span = TraceParent.parse(traceparent).map(TraceParent::child).orElseGet(() -> stored(key));
        TraceLogging.put(span);
        return span;
    }

    /** The {@code traceparent} of one department call. */
    public String outgoing(Exchange exchange) {
        TraceParent stage = exchange.getProperty(PROPERTY, TraceParent.class);
        return (stage == null ? TraceParent.newTrace() : stage.child()).header();
    }

    private TraceParent stored(String applicationKey) {
        try {
            UUID id = UUID.fromString(applicationKey.length() > 36 ? applicationKey.substring(0, 36) : applicationKey);
            return jdbc.query("select trace_id from application where id = ?", (rs, n) -> rs.getString(1), id).stream()
                    .filter(traceId -> traceId != null).findFirst().map(TraceParent::ofTrace)
                    .orElseGet(TraceParent::newTrace);
        } catch (IllegalArgumentException | NullPointerException notAnApplication) {
            return TraceParent.newTrace();
        }
    }

    private static String header(Exchange exchange) {
        Object value = exchange.getMessage().getHeader(TraceParent.HEADER);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
    }
}
