package gov.onceonly.hub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Nonces of signed requests inside the time window, kept in PostgreSQL so that every hub instance refuses a
 * replay the others accepted. Older ones are pruned: a request that old fails on its timestamp anyway.
 */
public final class SeenNonces implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SeenNonces.class);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService pruner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-nonce-pruner");
        thread.setDaemon(true);
        return thread;
    });

    public SeenNonces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time a client uses a nonce; false for a replay. */
    public boolean firstUse(String client, String nonce) {
        return jdbc.update("insert into request_nonce (client_key, nonce, seen_at) values (?, ?, now()) "
                + "on conflict do nothing", client, nonce) == 1;
    }

    public SeenNonces pruneEvery(Duration period, Duration olderThan) {
        pruner.scheduleWithFixedDelay(() -> {
            try {
                prune(olderThan);
            } catch (RuntimeException e) {
                log.warn("Could not prune old request nonces, will try again: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        pruner.shutdownNow();
    }

    public int prune(Duration olderThan) {
        return jdbc.update("delete from request_nonce where seen_at < now() - make_interval(secs => ?)",
                (double) olderThan.toSeconds());
    }
}
