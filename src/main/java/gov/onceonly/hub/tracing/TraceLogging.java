package gov.onceonly.hub.tracing;

import org.slf4j.MDC;

/** The MDC keys every log line of a traced piece of work carries (the log pattern and JSON logs show them). */
public final class TraceLogging {

    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private TraceLogging() {
    }

    public static void put(TraceParent span) {
        MDC.put(TRACE_ID, span.traceId());
        MDC.put(SPAN_ID, span.spanId());
    }

    public static void clear() {
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }
}
