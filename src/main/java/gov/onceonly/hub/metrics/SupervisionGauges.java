package gov.onceonly.hub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * 督办 as a gauge: the undecided items the overdue sweep moved DUE_SOON or OVERDUE, by department and level, read
 * from PostgreSQL on every instance (the alert HubItemsOverdue in docker/prometheus/alerts.yml watches it).
 */
public final class SupervisionGauges {

    private final JdbcTemplate jdbc;
    private final GaugeFamily items;

    public SupervisionGauges(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.items = new GaugeFamily("hub.supervision.items",
                "督办: undecided items past their due-soon or due moment, by department and level", registry);
    }

    public void refresh() {
        Map<Tags, Long> counts = new HashMap<>();
        jdbc.query("""
                select department, supervision, count(*) from application_item
                where supervision is not null and decided_at is null and status in ('ACCEPTED', 'IN_PROGRESS')
                group by 1, 2""", rs -> {
            counts.put(Tags.of("department", rs.getString(1), "level", rs.getString(2).toLowerCase(java.util.Locale.ROOT)),
                    rs.getLong(3));
        });
        items.update(counts);
    }
}
