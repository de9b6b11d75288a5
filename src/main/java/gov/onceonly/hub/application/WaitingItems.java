package gov.onceonly.hub.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.evidence.EvidenceRecorder;
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
 * the delivery retries queue it (through the outbox); a cancelled one keeps its reason. A released item that takes
 * earlier items' outputs is mapped again first, now that they exist: it needs materials if a required output is
 * missing, as it would for a missing source field.
 */
final class WaitingItems {

    private static final Logger log = LoggerFactory.getLogger(WaitingItems.class);
    private static final TypeReference<Map<String, Milestone>> WAITS_FOR = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationStore store;
    private final ApplicationStore.ReleasedItemMapper mapper;
    private final ApplicationStore.ReleasedDeliveries deliveries;
    private final EvidenceRecorder evidence;

    WaitingItems(JdbcTemplate jdbc, ObjectMapper json, ApplicationStore store, ApplicationStore.ReleasedItemMapper mapper,
                 ApplicationStore.ReleasedDeliveries deliveries, EvidenceRecorder evidence) {
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
        this.mapper = mapper;
        this.evidence = evidence;
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
        Map<String, ItemStatus> remapped = remapTakersOfOutputs(applicationId, moves.released());
        List<String> released = moves.released().stream().filter(id -> !remapped.containsKey(id)).toList();
        if (!released.isEmpty()) {
            jdbc.update("""
                    update application_item set status = 'PENDING', updated_at = now()
                    where application_id = ? and item_id = any(?) and status = 'WAITING'""",
                    applicationId, released.toArray(String[]::new));
        }
        List<String> pending = moves.released().stream()
                .filter(id -> remapped.getOrDefault(id, ItemStatus.PENDING) == ItemStatus.PENDING).toList();
        if (!pending.isEmpty()) {
            deliveries.queue(applicationId, pending); // out at this transaction's commit, not at the next poll
        }
        if (!moves.released().isEmpty()) {
            log.info("Application {}: {} may go out now, what they wait for is done", applicationId, moves.released());
        }
        moves.cancelled().forEach((itemId, reason) -> {
            jdbc.update("""
                    update application_item set status = 'CANCELLED', reason = ?, updated_at = now()
                    where application_id = ? and item_id = ? and status = 'WAITING'""", reason, applicationId, itemId);
            log.info("Application {}: item {} is cancelled, never sent: {}", applicationId, itemId, reason);
        });
        if (!moves.cancelled().isEmpty()) {
            evidence.cancelled(applicationId, moves.cancelled());
        }
        return items.stream().map(item -> remapped.getOrDefault(item.id(), moves.statusAfter(item))).toList();
    }

    /** The released items that take outputs, mapped again and stored: PENDING, or NEEDS_MATERIALS if one is missing. */
    private Map<String, ItemStatus> remapTakersOfOutputs(UUID applicationId, List<String> released) {
        if (released.isEmpty()) {
            return Map.of();
        }
        List<String> takers = jdbc.queryForList("""
                select item_id from application_item where application_id = ? and item_id = any(?) and takes_outputs""",
                String.class, applicationId, released.toArray(String[]::new));
        Map<String, ItemStatus> statuses = new java.util.HashMap<>();
        for (String itemId : takers) {
            ItemRecord record = mapper.remap(store, applicationId, itemId);
            if (record == null) {
                // Its bundle is no longer served: it cannot be mapped, and stays WAITING for an operator.
                log.error("Application {}: item {} may go out but cannot be mapped again: its bundle is no longer served",
                        applicationId, itemId);
                statuses.put(itemId, ItemStatus.WAITING);
                continue;
            }
            ItemStatus next = record.missing().isEmpty() ? ItemStatus.PENDING : ItemStatus.NEEDS_MATERIALS;
            store.replaceRecord(applicationId, record, ItemStatus.WAITING, next);
            statuses.put(itemId, next);
            if (next == ItemStatus.NEEDS_MATERIALS) {
                log.info("Application {}: item {} needs materials, its prerequisites did not report {}", applicationId,
                        itemId, record.missing());
            }
        }
        return statuses;
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
