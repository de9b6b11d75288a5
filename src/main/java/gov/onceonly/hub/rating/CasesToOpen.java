package gov.onceonly.hub.rating;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rectification cases a rating opens, and for which department: each item rated 差评 opens one for its own
 * department; an application rated 差评 opens one for each other department that handled one of its items (had it
 * delivered), so that a department already answering for its item is not asked twice for the same rating. An
 * application none of whose items reached a department opens one per department of its items. Pure.
 */
public final class CasesToOpen {

    /** One of the application's items: its department, and whether it ever reached it. */
    public record Item(String id, String department, boolean delivered) {
    }

    /** A case to open: the department responsible, the item rated (null: the whole application) and its level. */
    public record Case(String department, String item, RatingLevel level) {
    }

    private CasesToOpen() {
    }

    /** {@code items}: the application's items in a stable order; {@code rated}: the levels given to some of them. */
    public static List<Case> of(RatingLevel application, Map<String, RatingLevel> rated, List<Item> items) {
        List<Case> cases = new ArrayList<>();
        Set<String> answering = new LinkedHashSet<>();
        for (Item item : items) {
            RatingLevel level = rated.get(item.id());
            if (level != null && level.isBad()) {
                cases.add(new Case(item.department(), item.id(), level));
                answering.add(item.department());
            }
        }
        if (application.isBad()) {
            boolean anyDelivered = items.stream().anyMatch(Item::delivered);
            Set<String> departments = new LinkedHashSet<>();
            items.stream().filter(item -> item.delivered() || !anyDelivered).forEach(item -> departments.add(item.department()));
            departments.removeAll(answering);
            departments.forEach(department -> cases.add(new Case(department, null, application)));
        }
        return cases;
    }
}
