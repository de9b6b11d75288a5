package gov.onceonly.hub.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * Every periodic job of the hub runs here, on the one scheduler its configuration makes (the Camel {@code scheduler:}
 * routes share that scheduler's threads too): one place to see what runs when, and a handful of threads instead of
 * one per job. A failed run is logged once, its recovery once, and the next run still comes.
 */
public final class PeriodicJobs {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJobs.class);

    /** One run of a job; it may throw, the next run comes anyway. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    /** A job once scheduled: closing it cancels the runs to come, not one that is running. */
    public interface Scheduled extends AutoCloseable {
        @Override
        void close();
    }

    private final TaskScheduler scheduler;

    public PeriodicJobs(TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code job} one {@code period} from now and then {@code period} after each run ends. */
    public Scheduled every(String name, Duration period, Job job) {
        return every(name, period, period, job);
    }

    /** Runs {@code job} {@code first} from now and then {@code period} after each run ends. */
    public Scheduled every(String name, Duration first, Duration period, Job job) {
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(new Logged(name, job), Instant.now().plus(first),
                period);
        return () -> future.cancel(false);
    }

    private static final class Logged implements Runnable {

        private final String name;
        private final Job job;
        private volatile boolean failing;

        Logged(String name, Job job) {
            this.name = name;
            this.job = job;
        }

        @Override
        public void run() {
            try {
                job.run();
                if (failing) {
                    log.info("{} runs again", name);
                }
                failing = false;
            } catch (Exception e) {
                if (!failing) {
                    log.warn("{} failed, will run again: {}", name, e.toString());
                } else {
                    log.debug("{} failed again: {}", name, e.toString());
                }
                failing = true;
            }
        }
    }
}
