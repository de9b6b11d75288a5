package gov.onceonly.hub.catalog;

import gov.onceonly.hub.application.Milestone;
import gov.onceonly.hub.configfile.ConfigProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The business-collaboration order of a bundle's items ({@code waitsFor}): every item waited for is an item of the
 * bundle, none waits for itself, and no items wait for each other in a cycle, which would leave them waiting forever.
 */
final class WaitsForCheck {

    private WaitsForCheck() {
    }

    static void check(String file, List<ItemDefinition> items, List<ConfigProblem> problems) {
        Map<String, ItemDefinition> byId = new HashMap<>();
        items.stream().filter(item -> item != null && item.id() != null).forEach(item -> byId.putIfAbsent(item.id(), item));
        int before = problems.size();
        for (int i = 0; i < items.size(); i++) {
            ItemDefinition item = items.get(i);
            for (Map.Entry<String, Milestone> waited : item.waitsFor().entrySet()) {
                String at = "items[" + i + "].waitsFor." + waited.getKey();
                if (waited.getKey().equals(item.id())) {
                    problems.add(new ConfigProblem(file, at, "an item cannot wait for itself"));
                } else if (!byId.containsKey(waited.getKey())) {
                    problems.add(new ConfigProblem(file, at, "unknown item '" + waited.getKey()
                            + "'; the items of this bundle are " + byId.keySet().stream().sorted().toList()));
                }
            }
        }
        if (problems.size() == before) {
            cycle(items, byId).ifPresent(cycle -> problems.add(new ConfigProblem(file,
                    "items[" + items.indexOf(byId.get(cycle.get(0))) + "].waitsFor",
                    "items wait for each other in a cycle, so none of them would ever go out: " + String.join(" → ", cycle))));
        }
    }

    /** The first cycle found, as item ids from an item back to itself. */
    private static Optional<List<String>> cycle(List<ItemDefinition> items, Map<String, ItemDefinition> byId) {
        Set<String> done = new HashSet<>();
        for (ItemDefinition start : items) {
            if (start == null || start.id() == null || done.contains(start.id())) {
                continue;
            }
            List<String> path = new ArrayList<>();
            List<String> found = walk(start.id(), byId, path, done);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Depth first; {@code path} holds the items being walked, {@code done} those known to lead to no cycle. */
    private static List<String> walk(String id, Map<String, ItemDefinition> byId, List<String> path, Set<String> done) {
        int seen = path.indexOf(id);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(id);
            return cycle;
        }
        if (done.contains(id) || !byId.containsKey(id)) {
            return null;
        }
        path.add(id);
        for (String next : byId.get(id).waitsFor().keySet()) {
            List<String> cycle = walk(next, byId, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(id);
        return null;
    }
}
