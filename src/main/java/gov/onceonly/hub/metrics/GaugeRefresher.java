package gov.onceonly.hub.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes the gauges that need a query, each on its own period, on one daemon thread. A failed refresh (the
 * database or broker away for a moment) keeps the last values and is logged once until it recovers.
 */
public final class GaugeRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GaugeRefresher.class);

    /** A refresh that may throw. */
    @FunctionalInterface
    public interface Refresh {
        void run() throws Exception;
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-gauges");
        thread.setDaemon(true);
        return thread;
    });

    public GaugeRefresher every(Duration period, String what, Refresh refresh) {
        boolean[] failing = {false};
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh.run();
                if (failing[0]) {
                    log.info("Gauges of {} refresh again", what);
                }
                failing[0] = false;
            } catch (Exception e) {
                if (!failing[0]) {
                    log.warn("Gauges of {} keep their last values: {}", what, e.toString());
                }
                failing[0] = true;
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
