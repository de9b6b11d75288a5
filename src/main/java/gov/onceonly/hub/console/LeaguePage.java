package gov.onceonly.hub.console;

import gov.onceonly.hub.supervision.DepartmentFigures;
import gov.onceonly.hub.supervision.SupervisionProperties;
import gov.onceonly.hub.supervision.SupervisionQueries;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The departments' league table (绩效): the figures of {@code GET /api/v1/supervision/departments} for the last 30
 * days or a chosen month, ranked ({@link LeagueTable}), each department with its trend over the six months to the
 * period's end ({@link TrendChart}). Months are counted in the calendar's zone, as the monthly report counts them.
 */
@Hidden
@Controller
public class LeaguePage {

    static final int TREND_MONTHS = 6;
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final SupervisionQueries queries;
    private final Clock clock;
    private final ZoneId zone;

    public LeaguePage(SupervisionQueries queries, Clock clock, SupervisionProperties supervision) {
        this.queries = queries;
        this.clock = clock;
        this.zone = supervision.zone();
    }

    @GetMapping(ConsolePaths.HOME + "/league")
    public String league(@RequestParam(required = false) String month, Model model) {
        YearMonth chosen = null;
        if (month != null && !month.isBlank()) {
            try {
                chosen = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("problem", "月份格式不对：应为 2026-11 这样的年月。下面是最近 30 天。");
            }
        }
        Instant now = clock.instant();
        Instant from = chosen == null ? now.minus(DEFAULT_PERIOD) : start(chosen);
        Instant to = chosen == null ? now : start(chosen.plusMonths(1));
        YearMonth last = chosen == null ? YearMonth.from(now.atZone(zone)) : chosen;
        Map<YearMonth, DepartmentFigures> months = new LinkedHashMap<>();
        for (YearMonth m : LeagueTable.lastMonths(last, TREND_MONTHS)) {
            months.put(m, queries.figures(start(m), start(m.plusMonths(1))));
        }
        LeagueTable table = LeagueTable.of(queries.figures(from, to), months);
        Map<String, String> charts = new LinkedHashMap<>();
        for (LeagueTable.Row row : table.rows()) {
            charts.put(row.department(), TrendChart.svg("trend-" + row.rank(), row.department(), row.trend()));
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        model.addAttribute("table", table);
        model.addAttribute("charts", charts);
        model.addAttribute("month", chosen == null ? "" : chosen.toString());
        model.addAttribute("period", chosen == null ? "最近 30 天（" + day.format(from) + " 至 " + day.format(to) + "）"
                : chosen.getYear() + " 年 " + chosen.getMonthValue() + " 月");
        model.addAttribute("trendFrom", months.keySet().iterator().next().toString());
        model.addAttribute("trendTo", last.toString());
        return "console/league";
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
