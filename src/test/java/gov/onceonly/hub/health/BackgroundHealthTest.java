package gov.onceonly.hub.health;

import gov.onceonly.hub.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BackgroundHealthTest {

    private final MutableClock clock = new MutableClock("2026-12-05T04:00:00Z");

    @Test
    void aProbeGetsTheLastResultWhileTheNextCheckIsStillRunning() throws Exception {
        // The first check answers UP; the second hangs (a busy database) until released, then says DOWN.
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        BackgroundHealth health = new BackgroundHealth(() -> {
            if (checks.incrementAndGet() == 1) {
                return Health.up().build();
            }
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.down().build();
        }, Duration.ofSeconds(20), clock);

        assertThat(health.health().getStatus()).as("before the first check").isEqualTo(Status.OUT_OF_SERVICE);
        health.refresh();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        CompletableFuture<Void> running = CompletableFuture.runAsync(health::refresh);
        await().atMost(Duration.ofSeconds(5)).until(() -> checks.get() == 2);
        assertThat(CompletableFuture.supplyAsync(health::health).get(1, TimeUnit.SECONDS).getStatus())
                .as("while the next check hangs").isEqualTo(Status.UP);
        release.countDown();
        running.get(5, TimeUnit.SECONDS);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aResultOlderThanItsMaximumAgeIsDownAndAThrowingCheckIsDown() {
        BackgroundHealth health = new BackgroundHealth(() -> Health.up().build(), Duration.ofSeconds(20), clock);
        health.refresh();
        clock.advance(Duration.ofSeconds(21));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsKey("problem");

        BackgroundHealth throwing = new BackgroundHealth(() -> {
            throw new IllegalStateException("no connection");
        }, Duration.ofSeconds(20), clock);
        throwing.refresh();
        assertThat(throwing.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(throwing.health().getDetails()).containsEntry("problem", "IllegalStateException");
    }
}
