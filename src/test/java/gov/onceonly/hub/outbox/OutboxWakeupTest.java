package gov.onceonly.hub.outbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxWakeupTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aCommitRunsTheRelayOnTheExecutorNotTheCommittingThread() throws InterruptedException {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        try (OutboxWakeup wakeup = new OutboxWakeup(() -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        }, executor)) {
            wakeup.committed();
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(thread.get()).isNotEqualTo(Thread.currentThread().getName()).startsWith("pool-");
        }
    }

    @Test
    void commitsDuringARunMakeItRunOnceMore() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Semaphore running = new Semaphore(0);
        CountDownLatch release = new CountDownLatch(1);
        try (OutboxWakeup wakeup = new OutboxWakeup(() -> {
            runs.incrementAndGet();
            running.release();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, executor)) {
            wakeup.committed();
            assertThat(running.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            // Three commits while the first run publishes: their rows are picked up by one more run.
            wakeup.committed();
            wakeup.committed();
            wakeup.committed();
            release.countDown();
            assertThat(running.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            assertThat(runs.get()).isEqualTo(2);
        }
    }

    @Test
    void aFailedRunLeavesTheRowsToTheNextSignalOrThePoll() {
        AtomicInteger runs = new AtomicInteger();
        try (OutboxWakeup wakeup = new OutboxWakeup(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("Kafka is away");
            }
        }, executor)) {
            wakeup.committed();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() == 1);
            wakeup.committed();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() == 2);
        }
    }

    @Test
    void aClosedWakeupStartsNothing() {
        AtomicInteger runs = new AtomicInteger();
        OutboxWakeup wakeup = new OutboxWakeup(runs::incrementAndGet, executor);
        wakeup.close();
        wakeup.committed();
        assertThat(runs.get()).isZero();
    }
}
