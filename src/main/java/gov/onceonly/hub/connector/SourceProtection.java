package gov.onceonly.hub.connector;

import org.apache.camel.LoggingLevel;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.spi.Registry;

import java.util.Map;

/**
 * A remote source's retries and circuit breaker (its {@link SourceResilience}), bound in Camel's registry for the
 * source templates to name: {@code refErrorHandler: "{{retries}}"} and {@code circuitBreaker.configuration:
 * "{{breaker}}"}. Typed objects rather than numbers put into the templates: Camel's YAML DSL schema types those
 * options as numbers, where a template parameter can only be a {@code "{{placeholder}}"} string.
 */
final class SourceProtection {

    private SourceProtection() {
    }

    /** Binds both and answers their names, as the template parameters {@code retries} and {@code breaker}. */
    static Map<String, Object> bind(Registry registry, String connectorId, SourceResilience resilience) {
        String retries = "retries-" + connectorId;
        String breaker = "breaker-configuration-" + connectorId;
        registry.bind(retries, DefaultErrorHandlerDefinition.class, retries(resilience));
        registry.bind(breaker, Resilience4jConfigurationDefinition.class, breaker(resilience.breaker()));
        return Map.of("retries", retries, "breaker", breaker);
    }

    /** In-place retries with exponential backoff and jitter, quietly: the breaker and the fetch report outcomes. */
    static DefaultErrorHandlerDefinition retries(SourceResilience resilience) {
        DefaultErrorHandlerDefinition handler = new DefaultErrorHandlerDefinition();
        handler.setRedeliveryPolicy(new RedeliveryPolicyDefinition()
                .maximumRedeliveries(resilience.retries())
                .redeliveryDelay(resilience.backoffMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .useCollisionAvoidance()
                .collisionAvoidanceFactor(0.25)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logStackTrace(false)
                .logExhausted(false));
        return handler;
    }

    /** Opens when failureRate% of the last window calls (at least minimumCalls) failed; one trial call when half open. */
    static Resilience4jConfigurationDefinition breaker(SourceResilience.Breaker breaker) {
        return new Resilience4jConfigurationDefinition()
                .failureRateThreshold(breaker.failureRate())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .slidingWindowSize(breaker.window())
                .waitDurationInOpenState(breaker.openSeconds())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true);
    }
}
