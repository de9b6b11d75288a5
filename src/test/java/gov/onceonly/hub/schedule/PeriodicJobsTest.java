package gov.onceonly.hub.schedule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PeriodicJobsTest {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final PeriodicJobs jobs;

    PeriodicJobsTest() {
        scheduler.setPoolSize(2);
        scheduler.initialize();
        jobs = new PeriodicJobs(scheduler);
    }

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    @Test
    void aFailedRunIsFollowedByTheNextOne() {
        AtomicInteger runs = new AtomicInteger();
        jobs.every("A failing job", Duration.ZERO, Duration.ofMillis(20), () -> {
            if (runs.incrementAndGet() < 3) {
                throw new IllegalStateException("the database is away");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 4);
    }

    @Test
    void aClosedJobRunsNoMore() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJobs.Scheduled job = jobs.every("A job", Duration.ZERO, Duration.ofMillis(10), runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
        job.close();
        Thread.sleep(50);
        int after = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).isEqualTo(after);
    }

    @Test
    void jobsShareTheSchedulersThreads() {
        AtomicInteger seen = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 10; i++) {
            jobs.every("Job " + i, Duration.ZERO, Duration.ofMillis(10), () -> {
                threads.add(Thread.currentThread().getName());
                seen.incrementAndGet();
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() >= 50);
        assertThat(threads).hasSizeLessThanOrEqualTo(2);
    }
}
