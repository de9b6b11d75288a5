package gov.onceonly.hub.connector;

import org.springframework.core.env.PropertyResolver;

/**
 * How a source is protected: in-place retries with exponential backoff and jitter, then a circuit breaker that
 * stops calling a department that keeps failing. Written as {@code resilience:} in a source connector file;
 * whatever is left out comes from {@code hub.sources.*}.
 */
public record SourceResilience(Integer retries, Integer backoffMillis, Breaker breaker) {

    /** Opens when {@code failureRate}% of the last {@code window} calls (at least {@code minimumCalls}) failed. */
    public record Breaker(Integer failureRate, Integer minimumCalls, Integer window, Integer openSeconds) {
    }

    /** This connector's settings, completed with the hub's defaults. */
    public SourceResilience withDefaults(PropertyResolver defaults) {
        Breaker b = breaker == null ? new Breaker(null, null, null, null) : breaker;
        return new SourceResilience(
                or(retries, defaults, "hub.sources.retries", 2),
                or(backoffMillis, defaults, "hub.sources.backoff-millis", 200),
                new Breaker(
                        or(b.failureRate(), defaults, "hub.sources.breaker.failure-rate", 50),
                        or(b.minimumCalls(), defaults, "hub.sources.breaker.minimum-calls", 10),
                        or(b.window(), defaults, "hub.sources.breaker.window", 20),
                        or(b.openSeconds(), defaults, "hub.sources.breaker.open-seconds", 10)));
    }

    private static int or(Integer value, PropertyResolver defaults, String key, int fallback) {
        return value != null ? value : defaults.getProperty(key, Integer.class, fallback);
    }
}
