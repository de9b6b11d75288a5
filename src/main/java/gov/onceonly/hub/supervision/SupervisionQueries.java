package gov.onceonly.hub.supervision;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.ItemDefinition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Computes {@link DepartmentFigures} from what the pipeline and the clocks store: the items delivered to each
 * department in the period (their delivery, acceptance and decision moments, their supervision level and lateness),
 * the bundles' item order for 减环节, and the ratings through {@link SatisfactionFigures}.
 */
public final class SupervisionQueries {

    private static final String RECEIVED = " i.delivered_at >= :from and i.delivered_at < :to ";

    private final NamedParameterJdbcTemplate jdbc;
    private final BundleCatalog bundles;
    private final SatisfactionFigures satisfaction;

    public SupervisionQueries(NamedParameterJdbcTemplate jdbc, BundleCatalog bundles, SatisfactionFigures satisfaction) {
        this.jdbc = jdbc;
        this.bundles = bundles;
        this.satisfaction = satisfaction;
    }

    public DepartmentFigures figures(Instant from, Instant to) {
        MapSqlParameterSource period = new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.query("select i.department, count(*), count(i.accepted_at), count(*) filter (where i.status = 'DONE'),"
                + " count(*) filter (where i.status = 'REJECTED'), count(*) filter (where i.supervision = 'OVERDUE'),"
                + " count(*) filter (where i.decided_late) from application_item i where" + RECEIVED + "group by 1",
                period, rs -> {
                    long[] row = new long[6];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = rs.getLong(c + 2);
                    }
                    counts.put(rs.getString(1), row);
                });
        Map<String, DepartmentFigures.HandlingTimes> toAcceptance = durations("accepted_at", period);
        Map<String, DepartmentFigures.HandlingTimes> toDecision = durations("decided_at", period);
        Map<String, Long> stepsSaved = stepsSaved(period);
        Map<String, SatisfactionFigures.Satisfaction> ratings = satisfaction.perDepartment(from, to);

        TreeSet<String> departments = new TreeSet<>(counts.keySet());
        departments.addAll(ratings.keySet());
        List<DepartmentFigures.DepartmentSupervision> rows = new ArrayList<>();
        for (String department : departments) {
            long[] n = counts.getOrDefault(department, new long[6]);
            SatisfactionFigures.Satisfaction rated = ratings.getOrDefault(department,
                    new SatisfactionFigures.Satisfaction(null, null, null));
            rows.add(new DepartmentFigures.DepartmentSupervision(department, n[0], n[1], n[2], n[3], n[4], n[5],
                    toAcceptance.getOrDefault(department, DepartmentFigures.HandlingTimes.NONE),
                    toDecision.getOrDefault(department, DepartmentFigures.HandlingTimes.NONE),
                    rated.satisfaction(), rated.badRatingCasesOpen(), rated.badRatingCasesLate(),
                    stepsSaved.getOrDefault(department, 0L)));
        }
        return new DepartmentFigures(from, to, rows);
    }

    /** From the delivery to {@code column}, per department, over the items received that have one. */
    private Map<String, DepartmentFigures.HandlingTimes> durations(String column, MapSqlParameterSource period) {
        Map<String, DepartmentFigures.HandlingTimes> result = new HashMap<>();
        jdbc.query("select department, count(*), percentile_cont(0.5) within group (order by s),"
                + " percentile_cont(0.9) within group (order by s) from (select i.department,"
                + " extract(epoch from i." + column + " - i.delivered_at) as s from application_item i where"
                + RECEIVED + "and i." + column + " is not null) as c group by 1", period, rs -> {
                    result.put(rs.getString(1), new DepartmentFigures.HandlingTimes(rs.getLong(2), round(rs.getDouble(3)),
                            round(rs.getDouble(4))));
                });
        return result;
    }

    /**
     * 减环节: each item delivered through a bundle is a separate application the citizen did not make at its
     * department, but for the one they made: the application's entry item (its earliest item in the bundle's order
     * among those delivered) is not counted. Over all applications, the sum is items delivered minus applications.
     */
    private Map<String, Long> stepsSaved(MapSqlParameterSource period) {
        Map<UUID, List<Received>> byApplication = new HashMap<>();
        jdbc.query("select a.id, a.bundle_id, a.mapping_version, i.item_id, i.department,"
                + " (i.delivered_at >= :from and i.delivered_at < :to) from application a"
                + " join application_item i on i.application_id = a.id where i.delivered_at is not null"
                + " and a.id in (select i.application_id from application_item i where" + RECEIVED + ")", period, rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    byApplication.computeIfAbsent(id, k -> new ArrayList<>()).add(new Received(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                });
        Map<String, Long> saved = new HashMap<>();
        for (List<Received> items : byApplication.values()) {
            List<String> order = itemOrder(items.get(0).bundle(), items.get(0).version());
            Received entry = items.stream().min(java.util.Comparator.comparingInt((Received r) -> position(order, r.item()))
                    .thenComparing(Received::item)).orElseThrow();
            for (Received r : items) {
                if (r != entry && r.inPeriod()) {
                    saved.merge(r.department(), 1L, Long::sum);
                }
            }
        }
        return saved;
    }

    private List<String> itemOrder(String bundle, String version) {
        return bundles.find(bundle, version).map(b -> b.definition().items().stream().map(ItemDefinition::id).toList())
                .orElse(List.of());
    }

    private static int position(List<String> order, String item) {
        int at = order.indexOf(item);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private record Received(String bundle, String version, String item, String department, boolean inPeriod) {
    }

    private static Double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
