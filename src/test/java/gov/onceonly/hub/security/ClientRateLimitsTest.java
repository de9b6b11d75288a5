package gov.onceonly.hub.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimitsTest {

    private final AtomicLong now = new AtomicLong();
    private final ClientRateLimits limits = new ClientRateLimits(now::get);
    private final RegisteredClient kiosk = new RegisteredClient("kiosk", RegisteredClient.Role.CHANNEL, null,
            "s".getBytes(StandardCharsets.UTF_8), 2, 3, null);

    @Test
    void aBurstThenTheSustainedRate() {
        assertThat(limits.secondsToWait(kiosk)).isZero();
        assertThat(limits.secondsToWait(kiosk)).isZero();
        assertThat(limits.secondsToWait(kiosk)).isZero();
        assertThat(limits.secondsToWait(kiosk)).as("the burst of 3 is spent").isEqualTo(1);
        now.addAndGet(500_000_000L); // half a second at 2 per second: one more
        assertThat(limits.secondsToWait(kiosk)).isZero();
        assertThat(limits.secondsToWait(kiosk)).isEqualTo(1);
    }

    /**
     * Found by the bench's backlog run: a request whose clock reading was older than the last refill (its thread was
     * descheduled for a second between the two) emptied a bucket of a million tokens, and the next requests got 429.
     */
    @Test
    void aClockReadingOlderThanTheLastRefillTakesNoTokens() {
        RegisteredClient portal = new RegisteredClient("bench-portal", RegisteredClient.Role.CHANNEL, null,
                "s".getBytes(StandardCharsets.UTF_8), 1000, 1000, null);
        now.set(10_000_000_000L);
        assertThat(limits.secondsToWait(portal)).isZero();
        now.set(8_000_000_000L); // two seconds behind the refill just made
        assertThat(limits.secondsToWait(portal)).isZero();
        now.set(10_000_000_000L);
        assertThat(limits.secondsToWait(portal)).as("998 tokens left, not a debt of 2000").isZero();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        RegisteredClient other = new RegisteredClient("portal", RegisteredClient.Role.CHANNEL, null,
                "s".getBytes(StandardCharsets.UTF_8), 1, 1, null);
        assertThat(limits.secondsToWait(other)).isZero();
        assertThat(limits.secondsToWait(other)).isEqualTo(1);
        assertThat(limits.secondsToWait(kiosk)).isZero();
    }
}
