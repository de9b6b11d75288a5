package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Deliveries that failed. A failed attempt is counted and the item waits for its next one (exponential backoff
 * with jitter), so a department that is down never holds up the deliveries to the others behind it on the same
 * partition; {@link #requeueDue} queues it again through the outbox. After {@code maxAttempts} it is parked.
 * {@link #requeueDue} also queues again a PENDING delivery that has been waiting for its message longer than
 * {@code lostAfter}: whatever lost that message (a commit that should not have happened, a message dropped by
 * hand), the item would otherwise wait forever. A repeat is harmless: the stage skips a delivered item.
 */
public class DeliveryRetries {

    /**
     * Backoff between attempts and the attempt that parks; how long a queued delivery may go without being sent
     * before it is taken for lost and queued again.
     */
    public record Policy(Backoff backoff, int maxAttempts, Duration lostAfter) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String deliveriesTopic;
    private final Policy policy;

    public DeliveryRetries(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox,
                           ObjectMapper json, String deliveriesTopic, Policy policy) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.json = json;
        this.deliveriesTopic = deliveriesTopic;
        this.policy = policy;
    }

    /**
     * Counts a failed attempt; parks the delivery once it has had all its attempts. Joins the caller's transaction,
     * if any; the caller derives the application's status afterwards (once for all its deliveries).
     */
    public void failed(DispatchStage.Delivery delivery, String error) {
        String lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        tx.executeWithoutResult(status -> {
            // No row when the item was delivered or parked meanwhile (queryForObject would throw, not give null).
            Integer attempts = jdbc.query("""
                    update application_item set attempts = attempts + 1, last_error = ?, updated_at = now()
                    where application_id = ? and item_id = ? and status = 'PENDING' returning attempts""",
                    (rs, n) -> rs.getInt(1), lastError, delivery.applicationId(), delivery.itemId()).stream().findFirst().orElse(null);
            if (attempts == null) {
                return;
            }
            if (attempts >= policy.maxAttempts()) {
                jdbc.update("""
                        update application_item set status = 'PARKED', next_delivery_at = null
                        where application_id = ? and item_id = ?""", delivery.applicationId(), delivery.itemId());
                log.warn("Parked delivery {} to {} after {} attempts: {}", delivery.idempotencyKey(), delivery.target(), attempts, lastError);
            } else {
                jdbc.update("update application_item set next_delivery_at = ? where application_id = ? and item_id = ?",
                        Timestamp.from(Instant.now().plus(policy.backoff().after(attempts))), delivery.applicationId(), delivery.itemId());
                log.info("Delivery {} to {} failed (attempt {}), will retry: {}", delivery.idempotencyKey(), delivery.target(), attempts, lastError);
            }
        });
    }

    /**
     * A target answered a delivery that had failed before: it is back, so the deliveries waiting for it are due now
     * rather than at the end of their backoff (after an outage the longest waits are minutes). Spread over a few seconds,
     * so that the target is not met by all of them at once.
     */
    public void targetAnswersAgain(String target) {
        int due = jdbc.update("""
                update application_item set next_delivery_at = now() + random() * interval '2 seconds'
                where target_id = ? and status = 'PENDING' and next_delivery_at > now() + interval '2 seconds'""", target);
        if (due > 0) {
            log.info("Target {} answers again: {} waiting deliveries are due now", target, due);
        }
    }

    /**
     * Queues again every delivery whose next attempt is due, and every queued one not sent for {@code lostAfter}, in
     * batches until none is left; returns how many. Either is then queued as of now, so it is not queued twice.
     */
    public int requeueDue() {
        int total = 0;
        int queued;
        do {
            queued = requeueBatch();
            total += queued;
        } while (queued == BATCH);
        return total;
    }

    /**
     * Queues the deliveries of items a decision released, in the caller's transaction: their messages leave with its
     * commit, so a released item does not wait for the next poll (one per hop of a bundle's order).
     */
    public void queueReleased(UUID applicationId, List<String> itemIds) {
        outbox.appendAll(deliveriesTopic, itemIds.stream().map(itemId -> message(applicationId, itemId)).toList());
        jdbc.update("""
                update application_item set next_delivery_at = null, updated_at = now()
                where application_id = ? and item_id = any(?) and status = 'PENDING'""",
                applicationId, itemIds.toArray(String[]::new));
    }

    private int requeueBatch() {
        Integer queued = tx.execute(status -> {
            List<Due> due = jdbc.query("""
                    select application_id, item_id, next_delivery_at is null from application_item
                    where status = 'PENDING'
                      and (next_delivery_at <= now() or (next_delivery_at is null and updated_at < ?))
                    order by coalesce(next_delivery_at, updated_at) limit ? for update skip locked""",
                    (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)),
                    Timestamp.from(Instant.now().minus(policy.lostAfter())), BATCH);
            if (due.isEmpty()) {
                return 0;
            }
            outbox.appendAll(deliveriesTopic,
                    due.stream().map(row -> message(row.applicationId(), row.itemId())).toList());
            jdbc.update("""
                    update application_item i set next_delivery_at = null, updated_at = now()
                    from unnest(?::uuid[], ?::text[]) as due(application_id, item_id)
                    where i.application_id = due.application_id and i.item_id = due.item_id""",
                    due.stream().map(Due::applicationId).toArray(UUID[]::new), due.stream().map(Due::itemId).toArray(String[]::new));
            due.stream().filter(Due::lost).forEach(row -> log.warn("Delivery {}:{} was queued but not sent for over {}; "
                    + "queued again", row.applicationId(), row.itemId(), policy.lostAfter()));
            return due.size();
        });
        return queued == null ? 0 : queued;
    }

    /** The message that has the delivery stage send an item. */
    private Outbox.Message message(UUID applicationId, String itemId) {
        PipelineMessages.DeliveryQueued delivery = new PipelineMessages.DeliveryQueued(applicationId, itemId);
        return new Outbox.Message(delivery.key(), PipelineMessages.write(json, delivery));
    }

    private record Due(UUID applicationId, String itemId, boolean lost) {
    }
}
