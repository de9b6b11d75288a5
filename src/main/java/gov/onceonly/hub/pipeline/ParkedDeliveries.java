package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deliveries parked after their retries. An operator lists them and replays one or all: a replayed delivery is
 * PENDING again and queued through the outbox, with the same idempotency key as every earlier attempt.
 */
public class ParkedDeliveries {

    /** A parked delivery as an operator sees it. */
    public record Parked(UUID applicationId, String item, String department, String target, int attempts,
                         String lastError, Instant parkedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationStore store;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String deliveriesTopic;

    public ParkedDeliveries(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store, Outbox outbox,
                            ObjectMapper json, String deliveriesTopic) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.outbox = outbox;
        this.json = json;
        this.deliveriesTopic = deliveriesTopic;
    }

    public List<Parked> list(int limit) {
        return jdbc.query("""
                select application_id, item_id, department, target_id, attempts, last_error, updated_at
                from application_item where status = 'PARKED' order by updated_at limit ?""",
                (rs, n) -> new Parked(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant()), limit);
    }

    /** Replays one parked delivery; false if it is not parked (never was, or already replayed). */
    public boolean replay(UUID applicationId, String itemId) {
        Boolean replayed = tx.execute(status -> requeue(applicationId, itemId));
        return Boolean.TRUE.equals(replayed);
    }

    /** Replays every parked delivery; returns how many. */
    public int replayAll() {
        Integer replayed = tx.execute(status -> {
            List<Parked> parked = jdbc.query("""
                    select application_id, item_id from application_item where status = 'PARKED'
                    order by updated_at for update skip locked""",
                    (rs, n) -> new Parked(rs.getObject(1, UUID.class), rs.getString(2), null, null, 0, null, null));
            parked.forEach(p -> requeue(p.applicationId(), p.item()));
            return parked.size();
        });
        return replayed == null ? 0 : replayed;
    }

    private boolean requeue(UUID applicationId, String itemId) {
        int updated = jdbc.update("""
                update application_item set status = 'PENDING', next_delivery_at = null, updated_at = now()
                where application_id = ? and item_id = ? and status = 'PARKED'""", applicationId, itemId);
        if (updated == 0) {
            return false;
        }
        PipelineMessages.DeliveryQueued delivery = new PipelineMessages.DeliveryQueued(applicationId, itemId);
        outbox.append(deliveriesTopic, delivery.key(), PipelineMessages.write(json, delivery));
        store.refreshStatus(applicationId);
        return true;
    }
}
