package gov.onceonly.hub.supervision;

import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.ItemDefinition;
import gov.onceonly.hub.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The items' clocks, kept with the item as its department reports: the first report that the department has the item
 * in hand (ACCEPTED, or a later one when it skipped that) starts the clock and stores the time limit and due moments;
 * a decision (DONE, REJECTED) stops it and is marked late when it came after the due moment. A late report is applied
 * as any other: it is recorded late, never refused. Runs in the report's own transaction, under the item's row lock.
 * The moments are the hub's (when it received the report), which a department's clock cannot move.
 */
public class ItemClocks implements ProgressListener {

    private static final Logger log = LoggerFactory.getLogger(ItemClocks.class);
    private static final Set<ItemStatus> IN_HAND = EnumSet.of(ItemStatus.ACCEPTED, ItemStatus.IN_PROGRESS,
            ItemStatus.DONE, ItemStatus.REJECTED);

    private final JdbcTemplate jdbc;
    private final BundleCatalog bundles;
    private final TimeLimits limits;
    private final int defaultTimeLimit;

    public ItemClocks(JdbcTemplate jdbc, BundleCatalog bundles, TimeLimits limits, int defaultTimeLimit) {
        this.jdbc = jdbc;
        this.bundles = bundles;
        this.limits = limits;
        this.defaultTimeLimit = defaultTimeLimit;
    }

    /** An applied report of {@code status}, received at {@code at}. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void applied(UUID applicationId, String item, ItemStatus status, Instant at) {
        if (!IN_HAND.contains(status)) {
            return;
        }
        Timestamp when = Timestamp.from(at);
        jdbc.query("""
                select a.bundle_id, a.mapping_version from application_item i join application a on a.id = i.application_id
                where i.application_id = ? and i.item_id = ? and i.accepted_at is null""", rs -> {
            int days = timeLimit(rs.getString(1), rs.getString(2), item);
            TimeLimits.Due due = limits.due(at, days);
            jdbc.update("""
                    update application_item set time_limit_days = ?, accepted_at = ?, due_soon_at = ?, due_at = ?
                    where application_id = ? and item_id = ?""", days, when,
                    due.dueSoonAt() == null ? null : Timestamp.from(due.dueSoonAt()), Timestamp.from(due.dueAt()),
                    applicationId, item);
        }, applicationId, item);
        if (status == ItemStatus.DONE || status == ItemStatus.REJECTED) {
            int late = jdbc.update("""
                    update application_item set decided_at = ?, decided_late = (due_at is not null and due_at < ?)
                    where application_id = ? and item_id = ? and decided_at is null""", when, when, applicationId, item);
            if (late > 0 && Boolean.TRUE.equals(jdbc.queryForObject(
                    "select decided_late from application_item where application_id = ? and item_id = ?", Boolean.class,
                    applicationId, item))) {
                log.info("Item {} of {} was decided {} after its due date: applied, and recorded late", item,
                        applicationId, status);
            }
        }
    }

    /** The item's time limit in the mapping the application was received under, else the hub's default. */
    int timeLimit(String bundle, String version, String item) {
        return bundles.find(bundle, version).stream()
                .flatMap(b -> b.definition().items().stream())
                .filter(i -> i.id().equals(item))
                .map(ItemDefinition::timeLimit)
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(defaultTimeLimit);
    }
}
