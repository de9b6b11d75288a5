package gov.onceonly.hub.evidence;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task run on a daemon thread of its own with a fixed delay; a failed run is logged and the next one still comes. */
final class PeriodicTask implements AutoCloseable {

    private final ScheduledExecutorService scheduler;

    private PeriodicTask(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code task} every {@code delay} on thread {@code name}; {@code failure} begins the warning of a failed run. */
    static PeriodicTask start(String name, Duration delay, Runnable task, Logger log, String failure) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{}: {}", failure, e.toString());
            }
        }, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicTask(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
