package gov.onceonly.hub.console;

import gov.onceonly.hub.supervision.DepartmentFigures;
import gov.onceonly.hub.supervision.DepartmentFigures.DepartmentSupervision;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The departments ranked on a period's figures (绩效排名): the smallest share of items gone overdue first, then the
 * highest satisfaction, then the name; a department that received nothing in the period comes last. Each row
 * carries its trend over the months given, for {@link TrendChart}. Pure: the page reads the figures.
 */
public record LeagueTable(List<Row> rows) {

    /** One department's place, its figures in words a supervisor reads, and its months. */
    public record Row(int rank, String department, DepartmentSupervision figures, Double overdueShare,
                      String overdueShareText, String satisfactionText, String toAcceptance, String toDecision,
                      List<Month> trend) {
    }

    /** One month of a department's trend: items received, share overdue and satisfaction (null: none). */
    public record Month(YearMonth month, long received, Double overdueShare, Double satisfaction) {
    }

    private static final Comparator<DepartmentSupervision> ORDER = Comparator
            .comparing((DepartmentSupervision d) -> d.itemsReceived() == 0)
            .thenComparing(d -> share(d) == null ? 1.0 : share(d))
            .thenComparing(d -> d.satisfaction() == null ? 1.0 : -d.satisfaction())
            .thenComparing(DepartmentSupervision::department);

    /** {@code months}: the figures of each month of the trend, oldest first (a map kept in that order). */
    public static LeagueTable of(DepartmentFigures period, Map<YearMonth, DepartmentFigures> months) {
        List<DepartmentSupervision> sorted = new ArrayList<>(period.departments());
        sorted.sort(ORDER);
        List<Row> rows = new ArrayList<>();
        for (DepartmentSupervision d : sorted) {
            List<Month> trend = new ArrayList<>();
            months.forEach((month, figures) -> {
                DepartmentSupervision m = figures.departments().stream()
                        .filter(x -> x.department().equals(d.department())).findFirst().orElse(null);
                trend.add(m == null ? new Month(month, 0, null, null)
                        : new Month(month, m.itemsReceived(), share(m), m.satisfaction()));
            });
            rows.add(new Row(rows.size() + 1, d.department(), d, share(d), percent(share(d)), percent(d.satisfaction()),
                    times(d.toAcceptance()), times(d.toDecision()), trend));
        }
        return new LeagueTable(rows);
    }

    /** The {@code count} months of a trend ending with {@code last}, oldest first. */
    public static List<YearMonth> lastMonths(YearMonth last, int count) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        return months;
    }

    static Double share(DepartmentSupervision d) {
        return d.itemsReceived() == 0 ? null : (double) d.itemsOverdue() / d.itemsReceived();
    }

    static String percent(Double share) {
        return share == null ? "—" : "%.1f%%".formatted(share * 100);
    }

    /** Median / 90th percentile, each to the unit that matters. */
    static String times(DepartmentFigures.HandlingTimes t) {
        return t.count() == 0 ? "—" : duration(t.p50Seconds()) + " / " + duration(t.p90Seconds());
    }

    static String duration(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        double s = seconds;
        if (s < 60) {
            return "%.0f 秒".formatted(s);
        }
        if (s < 3600) {
            return "%.0f 分".formatted(s / 60);
        }
        if (s < 86_400) {
            return "%.1f 小时".formatted(s / 3600);
        }
        return "%.1f 天".formatted(s / 86_400);
    }
}
