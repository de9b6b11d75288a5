package gov.onceonly.hub.connector;

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
    public SourceResilience withDefaults(SourcesProperties defaults) {
        Breaker b = breaker == null ? new Breaker(null, null, null, null) : breaker;
        SourcesProperties.Breaker d = defaults.breaker();
        return new SourceResilience(
                or(retries, defaults.retries()),
                or(backoffMillis, defaults.backoffMillis()),
                new Breaker(
                        or(b.failureRate(), d.failureRate()),
                        or(b.minimumCalls(), d.minimumCalls()),
                        or(b.window(), d.window()),
                        or(b.openSeconds(), d.openSeconds())));
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
