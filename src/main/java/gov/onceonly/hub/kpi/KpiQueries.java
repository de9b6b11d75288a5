package gov.onceonly.hub.kpi;

import gov.onceonly.hub.catalog.BundleCatalog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes {@link KpiReport} from what the pipeline already stores: the items' provenance (who filled each
 * field), the department status events (when each item was accepted and decided) and the materials column
 * (whether the applicant had to act again). Nothing is counted twice for the KPIs' sake.
 */
public final class KpiQueries {

    private static final String PERIOD = " a.created_at >= :from and a.created_at < :to and (:bundle = '' or a.bundle_id = :bundle) ";

    private final NamedParameterJdbcTemplate jdbc;
    private final BundleCatalog bundles;

    public KpiQueries(NamedParameterJdbcTemplate jdbc, BundleCatalog bundles) {
        this.jdbc = jdbc;
        this.bundles = bundles;
    }

    public KpiReport report(Optional<String> bundle, Instant from, Instant to) {
        MapSqlParameterSource period = new MapSqlParameterSource("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to)).addValue("bundle", bundle.orElse(""));
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.query("select a.bundle_id, count(*), count(*) filter (where a.status = 'COMPLETED') from application a where"
                + PERIOD + "group by 1", period, rs -> {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        Map<String, long[]> fields = perBundle("select a.bundle_id,"
                + " count(*) filter (where p.value->>'origin' not in ('form', 'materials')),"
                + " count(*) filter (where p.value->>'origin' in ('form', 'materials'))"
                + " from application a join application_item i on i.application_id = a.id"
                + " cross join lateral json_each(i.provenance) p where" + PERIOD + "group by 1", period, 2);
        Map<String, long[]> trips = perBundle("select a.bundle_id, count(*),"
                + " count(*) filter (where a.materials = '{}'::jsonb)"
                + " from application a join application_item i on i.application_id = a.id"
                + " where i.status = 'DONE' and" + PERIOD + "group by 1", period, 2);
        Map<String, Long> exempted = exemptedMaterials(period);
        Map<String, KpiReport.Durations> toAcceptance = durations("select a.bundle_id,"
                + " extract(epoch from min(e.at) - a.created_at) from application a"
                + " join item_event e on e.application_id = a.id and e.applied and e.status in ('ACCEPTED', 'IN_PROGRESS', 'DONE')"
                + " where" + PERIOD + "group by a.bundle_id, a.id, e.item_id, a.created_at", period);
        Map<String, KpiReport.Durations> toCompletion = durations("select a.bundle_id,"
                + " extract(epoch from max(e.at) - a.created_at) from application a"
                + " join item_event e on e.application_id = a.id and e.applied and e.status in ('DONE', 'REJECTED')"
                + " where a.status = 'COMPLETED' and" + PERIOD + "group by a.bundle_id, a.id, a.created_at", period);

        List<KpiReport.BundleKpis> rows = new ArrayList<>();
        counts.forEach((id, n) -> {
            long[] filled = fields.getOrDefault(id, new long[2]);
            long[] done = trips.getOrDefault(id, new long[2]);
            String name = bundles.find(id).map(b -> b.definition().name()).orElse(id);
            rows.add(new KpiReport.BundleKpis(id, name, n[0], n[1],
                    new KpiReport.LessMaterials(filled[0], filled[1], share(filled[0], filled[0] + filled[1]),
                            exempted.getOrDefault(id, 0L)),
                    new KpiReport.LessTime(toAcceptance.getOrDefault(id, KpiReport.Durations.NONE),
                            toCompletion.getOrDefault(id, KpiReport.Durations.NONE)),
                    new KpiReport.FewerTrips(done[0], done[1], share(done[1], done[0]))));
        });
        return new KpiReport(from, to, rows);
    }

    /** Each item the department has, times the materials its applicant no longer brings for it. */
    private Map<String, Long> exemptedMaterials(MapSqlParameterSource period) {
        Map<String, Long> exempted = new HashMap<>();
        jdbc.query("select a.bundle_id, i.item_id, count(*) from application a join application_item i on i.application_id = a.id"
                + " where i.status in ('DELIVERED', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'REJECTED') and" + PERIOD
                + "group by 1, 2", period, rs -> {
            String bundle = rs.getString(1);
            String item = rs.getString(2);
            int perItem = bundles.find(bundle).flatMap(b -> b.item(item))
                    .map(compiled -> compiled.exemptMaterials().size()).orElse(0);
            exempted.merge(bundle, perItem * rs.getLong(3), Long::sum);
        });
        return exempted;
    }

    private Map<String, long[]> perBundle(String sql, MapSqlParameterSource period, int columns) {
        Map<String, long[]> result = new HashMap<>();
        jdbc.query(sql, period, rs -> {
            long[] values = new long[columns];
            for (int c = 0; c < columns; c++) {
                values[c] = rs.getLong(c + 2);
            }
            result.put(rs.getString(1), values);
        });
        return result;
    }

    private Map<String, KpiReport.Durations> durations(String perCase, MapSqlParameterSource period) {
        Map<String, KpiReport.Durations> result = new HashMap<>();
        jdbc.query("select bundle_id, count(*), avg(s), percentile_cont(0.5) within group (order by s),"
                + " percentile_cont(0.9) within group (order by s) from (" + perCase + ") as c(bundle_id, s) group by 1",
                period, rs -> {
                    result.put(rs.getString(1), new KpiReport.Durations(rs.getLong(2), round(rs.getDouble(3)),
                            round(rs.getDouble(4)), round(rs.getDouble(5))));
                });
        return result;
    }

    private static Double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
