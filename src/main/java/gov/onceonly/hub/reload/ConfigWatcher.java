package gov.onceonly.hub.reload;

import gov.onceonly.hub.schedule.PeriodicJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Looks at connectors/, mappings/ and routes/ every {@code hub.reload.poll-millis} while the hub runs
 * ({@code hub.reload.enabled}). Polling content hashes rather than file events: it works the same on every file
 * system, including network shares and container volumes, and a burst of saves is one reload.
 */
public final class ConfigWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

    private final ConfigReloader reloader;
    private final PeriodicJobs jobs;
    private final long pollMillis;
    private PeriodicJobs.Scheduled watching;

    public ConfigWatcher(ConfigReloader reloader, PeriodicJobs jobs, long pollMillis) {
        this.reloader = reloader;
        this.jobs = jobs;
        this.pollMillis = pollMillis;
    }

    @Override
    public synchronized void start() {
        watching = jobs.every("Looking for configuration changes", Duration.ofMillis(pollMillis), this::look);
        log.info("Hot reload on: watching connectors/, mappings/ and routes/ every {} ms (hub.reload.enabled=false turns it off)",
                pollMillis);
    }

    private void look() {
        try {
            reloader.reload();
        } catch (RuntimeException e) {
            log.error("Looking for configuration changes failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (watching != null) {
            watching.close();
            watching = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return watching != null;
    }
}
