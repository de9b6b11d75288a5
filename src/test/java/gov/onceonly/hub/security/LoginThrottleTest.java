package gov.onceonly.hub.security;

import gov.onceonly.hub.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock("2026-12-05T08:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void anAccountIsBlockedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedFor("operator", "10.0.0.1")).isZero();
            throttle.failed("operator", "10.0.0.1");
            clock.advance(Duration.ofSeconds(60));
        }
        assertThat(throttle.blockedFor("operator", "10.0.0.9")).as("from any address").isEqualTo(Duration.ofMinutes(12));
        assertThat(throttle.blockedFor("viewer", "10.0.0.9")).as("another account elsewhere").isZero();
        clock.advance(Duration.ofMinutes(12));
        assertThat(throttle.blockedFor("operator", "10.0.0.9")).isZero();
    }

    @Test
    void anAddressTryingManyAccountsIsBlocked() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess-" + i, "10.0.0.2");
        }
        assertThat(throttle.blockedFor("someone-else", "10.0.0.2")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.blockedFor("someone-else", "10.0.0.3")).isZero();
    }
}
