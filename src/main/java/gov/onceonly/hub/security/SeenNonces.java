package gov.onceonly.hub.security;

import gov.onceonly.hub.schedule.PeriodicJobs;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Nonces of signed requests inside the time window, kept in PostgreSQL so that every hub instance refuses a
 * replay the others accepted. Older ones are pruned: a request that old fails on its timestamp anyway.
 */
public final class SeenNonces implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private PeriodicJobs.Scheduled pruning;

    public SeenNonces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time a client uses a nonce; false for a replay. */
    public boolean firstUse(String client, String nonce) {
        return jdbc.update("insert into request_nonce (client_key, nonce, seen_at) values (?, ?, now()) "
                + "on conflict do nothing", client, nonce) == 1;
    }

    /** Every instance may prune: the delete is the same whoever runs it. */
    public synchronized SeenNonces pruneEvery(PeriodicJobs jobs, Duration period, Duration olderThan) {
        pruning = jobs.every("Pruning old request nonces", period, () -> prune(olderThan));
        return this;
    }

    @Override
    public synchronized void close() {
        if (pruning != null) {
            pruning.close();
        }
    }

    public int prune(Duration olderThan) {
        return jdbc.update("delete from request_nonce where seen_at < now() - make_interval(secs => ?)",
                (double) olderThan.toSeconds());
    }
}
