package gov.onceonly.hub.outbox;

import gov.onceonly.hub.schedule.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes outbox rows published longer ago than the retention; without it the outbox only grows. Unpublished
 * rows are never touched. The retention keeps recent rows for an operator tracing a message; the work itself
 * no longer needs them once Kafka has acknowledged them. Deletes go in batches, so no transaction grows large.
 */
public class OutboxPruner {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruner.class);
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final ClusterLock lock;

    public OutboxPruner(JdbcTemplate jdbc, Duration retention, ClusterLock lock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.lock = lock;
    }

    /** The outbox-prune route's run: one instance of the cluster prunes, the others skip that round. */
    public void pruneAlone() throws Exception {
        lock.runAlone("outbox-prune", this::prune);
    }

    /** Deletes the published rows older than the retention; returns how many. */
    public int prune() {
        Timestamp before = Timestamp.from(Instant.now().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    delete from outbox where id in (
                        select id from outbox where published_at < ? order by published_at limit ?)""", before, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Pruned {} outbox rows published more than {} ago", total, retention);
        }
        return total;
    }
}
