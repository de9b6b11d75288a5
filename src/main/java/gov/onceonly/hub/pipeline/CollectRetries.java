package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applications whose sources are down. Instead of holding up its Kafka partition, such an application is
 * marked WAITING_FOR_SOURCES with the reason and a next attempt (exponential backoff with jitter), its message
 * is committed, and {@link #requeueDue} queues it again through the outbox when its time comes. Past
 * {@code maxAttempts} or {@code maxAge} it goes to NEEDS_ATTENTION, still with its reason.
 */
public class CollectRetries {

    /** How long to wait between attempts and when to give up. */
    public record Policy(Backoff backoff, int maxAttempts, Duration maxAge) {
    }

    private static final Logger log = LoggerFactory.getLogger(CollectRetries.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String applicationsTopic;
    private final Policy policy;

    public CollectRetries(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, ObjectMapper json,
                          String applicationsTopic, Policy policy) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.json = json;
        this.applicationsTopic = applicationsTopic;
        this.policy = policy;
    }

    /**
     * Records a failed collection; returns the application's new status, or null if there is no such application.
     * Only an application still being collected (RECEIVED, WAITING_FOR_SOURCES) waits: a repeated message whose
     * sources failed after another delivery of it was collected must not move the application back. The row is
     * locked first, so the check and the change see the same status.
     */
    public ApplicationStatus waitForSources(UUID applicationId, Instant receivedAt, String reason) {
        return tx.execute(status -> {
            ApplicationStatus current = jdbc.query("select status from application where id = ? for update",
                    (rs, row) -> ApplicationStatus.valueOf(rs.getString(1)), applicationId).stream().findFirst().orElse(null);
            if (current != ApplicationStatus.RECEIVED && current != ApplicationStatus.WAITING_FOR_SOURCES) {
                if (current != null) {
                    log.info("Application {} is {}: a late failure of its sources changes nothing", applicationId, current);
                }
                return current;
            }
            // No row when the application is not (or no longer) here; queryForObject would throw, not give null.
            Integer attempts = jdbc.query(
                    "update application set collect_attempts = collect_attempts + 1 where id = ? returning collect_attempts",
                    (rs, row) -> rs.getInt(1), applicationId).stream().findFirst().orElse(null);
            if (attempts == null) {
                return null;
            }
            int n = attempts;
            boolean givingUp = n >= policy.maxAttempts() || receivedAt.plus(policy.maxAge()).isBefore(Instant.now());
            ApplicationStatus next = givingUp ? ApplicationStatus.NEEDS_ATTENTION : ApplicationStatus.WAITING_FOR_SOURCES;
            jdbc.update("""
                    update application set status = ?, attention_reason = ?, next_collect_at = ?, updated_at = now()
                    where id = ?""",
                    next.name(), reason, givingUp ? null : Timestamp.from(Instant.now().plus(policy.backoff().after(n))), applicationId);
            if (givingUp) {
                log.warn("Application {} needs attention after {} collection attempts: {}", applicationId, n, reason);
            } else {
                log.info("Application {} waits for its sources (attempt {}): {}", applicationId, n, reason);
            }
            return next;
        });
    }

    /**
     * An application that no retry can collect (its bundle is no longer served) goes straight to NEEDS_ATTENTION
     * with the reason, if it is still being collected. An operator's retry collects it again once it is fixed.
     */
    public void needsAttention(UUID applicationId, String reason) {
        int changed = jdbc.update("""
                update application set status = 'NEEDS_ATTENTION', attention_reason = ?, next_collect_at = null,
                                       updated_at = now()
                where id = ? and status in ('RECEIVED', 'WAITING_FOR_SOURCES')""", reason, applicationId);
        if (changed == 1) {
            log.warn("Application {} needs attention: {}", applicationId, reason);
        }
    }

    /** Queues again every waiting application whose time has come; returns how many. */
    public int requeueDue() {
        Integer queued = tx.execute(status -> {
            List<UUID> due = jdbc.queryForList("""
                    select id from application where status = 'WAITING_FOR_SOURCES' and next_collect_at <= now()
                    order by next_collect_at limit 100 for update skip locked""", UUID.class);
            for (UUID id : due) {
                outbox.append(applicationsTopic, id.toString(),
                        PipelineMessages.write(json, new PipelineMessages.ApplicationReceived(id)));
                jdbc.update("update application set next_collect_at = null where id = ?", id);
            }
            return due.size();
        });
        return queued == null ? 0 : queued;
    }

    /** An operator's retry of an application that gave up waiting: it starts counting again, now. */
    public boolean retryNow(UUID applicationId) {
        return jdbc.update("""
                update application set status = 'WAITING_FOR_SOURCES', collect_attempts = 0, next_collect_at = now(),
                                       updated_at = now()
                where id = ? and status = 'NEEDS_ATTENTION'
                  and not exists (select 1 from application_item where application_id = ?)""",
                applicationId, applicationId) == 1;
    }
}
