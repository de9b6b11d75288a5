package gov.onceonly.hub.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimitsTest {

    private final AtomicLong now = new AtomicLong();
    private final ClientRateLimits limits = new ClientRateLimits(now::get);
    private final RegisteredClient kiosk = new RegisteredClient("kiosk", RegisteredClient.Role.CHANNEL, null,
            "s".getBytes(StandardCharsets.UTF_8), 2, 3);

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

    @Test
    void clientsHaveTheirOwnBuckets() {
        RegisteredClient other = new RegisteredClient("portal", RegisteredClient.Role.CHANNEL, null,
                "s".getBytes(StandardCharsets.UTF_8), 1, 1);
        assertThat(limits.secondsToWait(other)).isZero();
        assertThat(limits.secondsToWait(other)).isEqualTo(1);
        assertThat(limits.secondsToWait(kiosk)).isZero();
    }
}
