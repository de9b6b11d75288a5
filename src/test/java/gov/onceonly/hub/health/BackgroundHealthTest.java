package gov.onceonly.hub.health;

import gov.onceonly.hub.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundHealthTest {

    private final MutableClock clock = new MutableClock("2026-12-05T04:00:00Z");

    @Test
    void aProbeGetsTheLastResultWhileTheNextCheckIsStillRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Status> next = new AtomicReference<>(Status.UP);
        BackgroundHealth health = new BackgroundHealth(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.status(next.get()).build();
        }, Duration.ofSeconds(20), clock);

        assertThat(health.health().getStatus()).as("before the first check").isEqualTo(Status.OUT_OF_SERVICE);
        release.countDown();
        health.refresh();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        // The next check hangs (a busy database): the probe answers at once with what is known.
        CountDownLatch hanging = new CountDownLatch(1);
        BackgroundHealth stuck = new BackgroundHealth(() -> {
            try {
                hanging.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.down().build();
        }, Duration.ofSeconds(20), clock);
        CompletableFuture<Void> running = CompletableFuture.runAsync(stuck::refresh);
        assertThat(CompletableFuture.supplyAsync(stuck::health).get(1, TimeUnit.SECONDS).getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        hanging.countDown();
        running.get(5, TimeUnit.SECONDS);
        assertThat(stuck.health().getStatus()).isEqualTo(Status.DOWN);
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
