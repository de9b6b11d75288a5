package gov.onceonly.hub.supervision;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.ItemDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the supervisor's list: undecided items the sweep moved DUE_SOON or OVERDUE, optionally of one department. */
public final class OverdueItems {

    private static final int LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final BundleCatalog bundles;
    private final TimeLimits limits;
    private final Clock clock;

    public OverdueItems(JdbcTemplate jdbc, BundleCatalog bundles, TimeLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.bundles = bundles;
        this.limits = limits;
        this.clock = clock;
    }

    /** {@code department} and {@code level} null: all. At most the 1000 most overdue. */
    public OverdueList list(String department, String level) {
        Instant now = clock.instant();
        return new OverdueList(now, jdbc.query("""
                select i.application_id, a.bundle_id, a.mapping_version, i.item_id, i.department, i.supervision, i.status,
                       i.accepted_at, i.due_at, i.time_limit_days
                from application_item i join application a on a.id = i.application_id
                where i.supervision is not null and i.decided_at is null and i.status in ('ACCEPTED', 'IN_PROGRESS')
                  and (?::text is null or i.department = ?) and (?::text is null or i.supervision = ?)
                order by i.due_at, i.application_id, i.item_id limit ?""", (rs, n) -> {
                    String bundle = rs.getString(2);
                    String item = rs.getString(4);
                    Instant due = rs.getTimestamp(9).toInstant();
                    return new OverdueList.OverdueItem(rs.getObject(1, UUID.class), bundle, item,
                            name(bundle, rs.getString(3), item), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), due, (Integer) rs.getObject(10),
                            limits.workingDaysOverdue(due, now));
                }, department, department, level, level, LIMIT));
    }

    /** The clocks of an application's items that have one (accepted, with a time limit), by item id. */
    public List<ItemDeadline> deadlines(UUID applicationId) {
        return jdbc.query("""
                select item_id, due_at, supervision, coalesce(decided_late, false) from application_item
                where application_id = ? and due_at is not null order by item_id""",
                (rs, n) -> new ItemDeadline(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getBoolean(4)), applicationId);
    }

    private String name(String bundle, String version, String item) {
        return bundles.find(bundle, version).stream().flatMap(b -> b.definition().items().stream())
                .filter(i -> i.id().equals(item)).map(ItemDefinition::name).findFirst().orElse(item);
    }
}
