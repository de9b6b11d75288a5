package gov.onceonly.hub.pipeline;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(60_000));

    @RepeatedTest(20)
    void doublesFromTheFirstDelayWithinTwentyPercent() {
        assertThat(backoff.after(1).toMillis()).isBetween(800L, 1200L);
        assertThat(backoff.after(2).toMillis()).isBetween(1600L, 2400L);
        assertThat(backoff.after(4).toMillis()).isBetween(6400L, 9600L);
    }

    @RepeatedTest(20)
    void neverExceedsTheCapPlusJitter() {
        assertThat(backoff.after(7).toMillis()).isBetween(48_000L, 72_000L);
        assertThat(backoff.after(500).toMillis()).isBetween(48_000L, 72_000L);
    }

    @Test
    void jitterSpreadsAttemptsThatFailedTogether() {
        Set<Long> waits = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            waits.add(backoff.after(3).toMillis());
        }
        assertThat(waits).hasSizeGreaterThan(10);
    }
}
