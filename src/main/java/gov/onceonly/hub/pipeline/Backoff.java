package gov.onceonly.hub.pipeline;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff from a first delay, doubling, capped, with ±20 % jitter so that work that failed together
 * does not come back together.
 */
public record Backoff(Duration firstDelay, Duration maxDelay) {

    /** The wait after the given (1-based) failed attempt. */
    public Duration after(int attempt) {
        long base = firstDelay.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }
}
