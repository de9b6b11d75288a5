package gov.onceonly.hub.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves an application's WAITING items on, as {@link ItemOrder} says, whenever the application's status is derived:
 * so under its row lock, after whatever changed an item (a delivery, a report, materials supplied), and two such
 * changes cannot both miss the moment an item's last prerequisite is met. A released item is PENDING and due now, so
 * the delivery retries queue it (through the outbox); a cancelled one keeps its reason.
 */
final class WaitingItems {

    private static final Logger log = LoggerFactory.getLogger(WaitingItems.class);
    private static final TypeReference<Map<String, Milestone>> WAITS_FOR = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    WaitingItems(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The statuses of the application's items after the moves; the caller holds the application's row lock. */
    List<ItemStatus> moveOn(UUID applicationId) {
        List<ItemOrder.Item> items = jdbc.query("""
                select item_id, status, case when status = 'WAITING' then waits_for::text end
                from application_item where application_id = ?""",
                (rs, n) -> new ItemOrder.Item(rs.getString(1), ItemStatus.valueOf(rs.getString(2)), read(rs.getString(3))),
                applicationId);
        if (items.stream().noneMatch(item -> item.status() == ItemStatus.WAITING)) {
            return items.stream().map(ItemOrder.Item::status).toList();
        }
        ItemOrder.Moves moves = ItemOrder.next(items);
        if (!moves.released().isEmpty()) {
            jdbc.update("""
                    update application_item set status = 'PENDING', next_delivery_at = now(), updated_at = now()
                    where application_id = ? and item_id = any(?) and status = 'WAITING'""",
                    applicationId, moves.released().toArray(String[]::new));
            log.info("Application {}: {} may go out now, what they wait for is done", applicationId, moves.released());
        }
        moves.cancelled().forEach((itemId, reason) -> {
            jdbc.update("""
                    update application_item set status = 'CANCELLED', reason = ?, updated_at = now()
                    where application_id = ? and item_id = ? and status = 'WAITING'""", reason, applicationId, itemId);
            log.info("Application {}: item {} is cancelled, never sent: {}", applicationId, itemId, reason);
        });
        return items.stream().map(moves::statusAfter).toList();
    }

    private Map<String, Milestone> read(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, WAITS_FOR);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored waits_for is unreadable: " + text, e);
        }
    }
}
