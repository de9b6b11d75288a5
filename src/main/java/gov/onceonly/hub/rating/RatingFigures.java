package gov.onceonly.hub.rating;

import gov.onceonly.hub.supervision.SatisfactionFigures;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The ratings' side of the per-department figures (docs/supervision.md, "Figures per department").
 * <ul>
 *   <li><b>Satisfaction</b>: of the ratings given in the period that concern the department, the share that is not a
 *   差评 (基本满意 or better), the usual 满意率. A rating concerns a department through an item of its rated on its own,
 *   or else through the application's rating, once per department that had an item of the application delivered.</li>
 *   <li><b>差评 cases open</b>: the department's rectification cases opened in the period and not closed now.</li>
 *   <li><b>差评 cases late</b>: those of them answered after their due date, or still unanswered past it.</li>
 * </ul>
 */
public class RatingFigures implements SatisfactionFigures {

    private static final String SATISFACTION = """
            with rated as (
                select i.department, r.level from item_rating r
                join application_rating a on a.application_id = r.application_id
                join application_item i on i.application_id = r.application_id and i.item_id = r.item_id
                where a.rated_at >= :from and a.rated_at < :to
                union all
                select d.department, a.level from application_rating a
                join (select distinct application_id, department from application_item where delivered_at is not null) d
                  on d.application_id = a.application_id
                where a.rated_at >= :from and a.rated_at < :to
                  and not exists (select 1 from item_rating r join application_item j
                                    on j.application_id = r.application_id and j.item_id = r.item_id
                                  where r.application_id = a.application_id and j.department = d.department))
            select department, count(*) filter (where level in ('非常满意', '满意', '基本满意'))::float8 / count(*)
            from rated group by department""";

    private static final String CASES = """
            select department, count(*) filter (where status <> 'CLOSED'),
                   count(*) filter (where coalesce(answered_at, :now) > due_at)
            from rectification_case where opened_at >= :from and opened_at < :to group by department""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public RatingFigures(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<String, Satisfaction> perDepartment(Instant from, Instant to) {
        MapSqlParameterSource period = new MapSqlParameterSource("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to)).addValue("now", Timestamp.from(clock.instant()));
        Map<String, Double> satisfaction = new HashMap<>();
        jdbc.query(SATISFACTION, period, rs -> {
            satisfaction.put(rs.getString(1), rs.getDouble(2));
        });
        Map<String, Satisfaction> figures = new HashMap<>();
        jdbc.query(CASES, period, rs -> {
            figures.put(rs.getString(1), new Satisfaction(satisfaction.get(rs.getString(1)), rs.getLong(2), rs.getLong(3)));
        });
        // A department rated without any case: its open and late cases are none, not unknown.
        satisfaction.forEach((department, rate) -> figures.putIfAbsent(department, new Satisfaction(rate, 0L, 0L)));
        return figures;
    }
}
