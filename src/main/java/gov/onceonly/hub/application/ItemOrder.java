package gov.onceonly.hub.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business-collaboration order of an application's items (业务协同): a WAITING item goes out once every item it
 * waits for has reached its milestone, and is CANCELLED, never sent, once one of them cannot reach it any more (it
 * was rejected, or cancelled itself). Pure, so every case is unit-tested; the store applies its moves.
 */
public final class ItemOrder {

    private ItemOrder() {
    }

    /** One item as stored: its status and the items it waits for, with their milestones. */
    public record Item(String id, ItemStatus status, Map<String, Milestone> waitsFor) {

        public Item {
            waitsFor = waitsFor == null ? Map.of() : waitsFor;
        }
    }

    /** What moves now: the items to send, and the items cancelled with the reason why. */
    public record Moves(List<String> released, Map<String, String> cancelled) {

        public boolean none() {
            return released.isEmpty() && cancelled.isEmpty();
        }

        /** The statuses after the moves. */
        public ItemStatus statusAfter(Item item) {
            if (released.contains(item.id())) {
                return ItemStatus.PENDING;
            }
            return cancelled.containsKey(item.id()) ? ItemStatus.CANCELLED : item.status();
        }
    }

    /** The moves of the WAITING items; a cancellation carries over to the items that wait for a cancelled one. */
    public static Moves next(List<Item> items) {
        Map<String, ItemStatus> status = new HashMap<>();
        items.forEach(item -> status.put(item.id(), item.status()));
        Map<String, String> cancelled = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Item item : items) {
                if (status.get(item.id()) != ItemStatus.WAITING) {
                    continue;
                }
                String reason = cancellation(item, status);
                if (reason != null) {
                    cancelled.put(item.id(), reason);
                    status.put(item.id(), ItemStatus.CANCELLED);
                    changed = true;
                }
            }
        }
        List<String> released = new ArrayList<>();
        for (Item item : items) {
            if (status.get(item.id()) == ItemStatus.WAITING && unmet(item, status).isEmpty()) {
                released.add(item.id());
            }
        }
        return new Moves(List.copyOf(released), java.util.Collections.unmodifiableMap(cancelled));
    }

    /** The prerequisites of an item not met yet, in the mapping's order; for the status view. */
    public static Map<String, Milestone> unmet(Item item, Map<String, ItemStatus> statuses) {
        Map<String, Milestone> unmet = new LinkedHashMap<>();
        item.waitsFor().forEach((prerequisite, milestone) -> {
            ItemStatus now = statuses.get(prerequisite);
            if (now == null || !milestone.reachedBy(now)) {
                unmet.put(prerequisite, milestone);
            }
        });
        return unmet;
    }

    private static String cancellation(Item item, Map<String, ItemStatus> status) {
        for (Map.Entry<String, Milestone> prerequisite : item.waitsFor().entrySet()) {
            ItemStatus now = status.get(prerequisite.getKey());
            if (now == null) {
                return "it waits for item '" + prerequisite.getKey() + "', which this application does not have";
            }
            if (prerequisite.getValue().unreachableFrom(now)) {
                return "it waits for item '" + prerequisite.getKey() + "' to be " + prerequisite.getValue().yamlName()
                        + ", and that item was " + now;
            }
        }
        return null;
    }
}
