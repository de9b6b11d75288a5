package gov.onceonly.hub.reload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at connectors/, mappings/ and routes/ every {@code hub.reload.poll-millis} while the hub runs
 * ({@code hub.reload.enabled}). Polling content hashes rather than file events: it works the same on every file
 * system, including network shares and container volumes, and a burst of saves is one reload.
 */
public final class ConfigWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

    private final ConfigReloader reloader;
    private final long pollMillis;
    private ScheduledExecutorService scheduler;

    public ConfigWatcher(ConfigReloader reloader, long pollMillis) {
        this.reloader = reloader;
        this.pollMillis = pollMillis;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hub-config-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::look, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
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
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
