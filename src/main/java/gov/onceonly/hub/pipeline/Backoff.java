package gov.onceonly.hub.pipeline;

import io.github.resilience4j.core.IntervalFunction;

import java.time.Duration;

/**
 * Exponential backoff from a first delay, doubling, capped, with ±20 % jitter so that work that failed together
 * does not come back together: resilience4j's exponential random backoff.
 */
public record Backoff(Duration firstDelay, Duration maxDelay) {

    private static final double MULTIPLIER = 2;
    private static final double JITTER = 0.2;

    /** The wait after the given (1-based) failed attempt. */
    public Duration after(int attempt) {
        IntervalFunction intervals = IntervalFunction.ofExponentialRandomBackoff(firstDelay, MULTIPLIER, JITTER, maxDelay);
        return Duration.ofMillis(intervals.apply(Math.max(attempt, 1)));
    }
}
