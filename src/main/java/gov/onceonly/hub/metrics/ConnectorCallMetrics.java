package gov.onceonly.hub.metrics;

import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.health.ConnectorActivity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import java.time.Duration;
import java.time.Instant;

/**
 * Times every call of a department connector, as Camel reports each send to {@code direct:source-<id>} and
 * {@code direct:target-<id>}: the source and target latency histograms and the deliveries by target and outcome.
 * Retries (Camel's redeliveries in a source's template, and pushes the dispatch stage repeats in place) are counted
 * by stage. Nothing in the pipeline's code knows of metrics.
 */
public final class ConnectorCallMetrics extends EventNotifierSupport {

    static final String CALLS = "hub.connector.calls";
    static final String DELIVERIES = "hub.deliveries";
    static final String RETRIES = "hub.retries";

    private static final String SOURCE = "direct://source-";
    private static final String TARGET = "direct://target-";

    private final MeterRegistry registry;
    private final ConnectorActivity activity;

    public ConnectorCallMetrics(MeterRegistry registry, ConnectorActivity activity) {
        this.registry = registry;
        this.activity = activity;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeSendingEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent) {
            String uri = sent.getEndpoint().getEndpointUri();
            if (uri.startsWith(SOURCE)) {
                record("source", uri.substring(SOURCE.length()), sourceOutcome(sent.getExchange()), sent.getTimeTaken());
            } else if (uri.startsWith(TARGET)) {
                String target = uri.substring(TARGET.length());
                String outcome = sent.getExchange().getException() == null ? "delivered" : "failed";
                record("target", target, outcome, sent.getTimeTaken());
                Counter.builder(DELIVERIES).description("Delivery attempts of item records, by target and outcome")
                        .tag("target", target).tag("outcome", outcome).register(registry).increment();
                if (sent.getExchange().getProperty(DepartmentCalls.ATTEMPT, 0, Integer.class) > 0) {
                    retried("delivery"); // a push repeated in place by the dispatch stage
                }
            }
        } else if (event instanceof CamelEvent.ExchangeRedeliveryEvent redelivery) {
            Exchange exchange = redelivery.getExchange();
            retried(exchange.getProperty("hubFetch") instanceof FetchRequest ? "source"
                    : exchange.getProperty(DepartmentCalls.TARGET) != null ? "delivery" : "pipeline");
        }
    }

    private void retried(String stage) {
        Counter.builder(RETRIES).description("Attempts repeated after a failure, by stage")
                .tag("stage", stage).register(registry).increment();
    }

    private void record(String role, String connector, String outcome, long millis) {
        if ("failed".equals(outcome)) {
            activity.failed(connector, Instant.now(), role + " call failed");
        } else {
            activity.succeeded(connector, Instant.now());
        }
        Timer.builder(CALLS).description("Calls of department connectors, from the first attempt to the answer")
                .tag("role", role).tag("connector", connector).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry).record(Duration.ofMillis(millis));
    }

    private static String sourceOutcome(Exchange exchange) {
        if (exchange.getException() != null) {
            return "failed";
        }
        return exchange.getMessage().getBody() instanceof SourceAnswer answer
                ? answer.outcome().name().toLowerCase().replace('_', '-') : "failed";
    }
}
