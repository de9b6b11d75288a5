package gov.onceonly.hub.console;

import gov.onceonly.hub.supervision.DepartmentFigures;
import gov.onceonly.hub.supervision.DepartmentFigures.DepartmentSupervision;
import gov.onceonly.hub.supervision.DepartmentFigures.HandlingTimes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeagueTableTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final HandlingTimes TIMES = new HandlingTimes(4, 90.0, 2.5 * 86_400);

    @Test
    void rankedByOverdueShareThenSatisfactionAndTheIdleLast() {
        DepartmentFigures period = new DepartmentFigures(FROM, TO, List.of(
                department("市医保局", 0, 0, null),
                department("市公安局", 10, 2, 0.9),
                department("市卫生健康委", 10, 1, 0.5),
                department("市人社局", 20, 2, 0.95)));

        LeagueTable table = LeagueTable.of(period, new LinkedHashMap<>());

        assertThat(table.rows()).extracting(LeagueTable.Row::department)
                .containsExactly("市人社局", "市卫生健康委", "市公安局", "市医保局");
        assertThat(table.rows()).extracting(LeagueTable.Row::rank).containsExactly(1, 2, 3, 4);
        LeagueTable.Row first = table.rows().get(0);
        assertThat(first.overdueShareText()).isEqualTo("10.0%");
        assertThat(first.satisfactionText()).isEqualTo("95.0%");
        assertThat(first.toAcceptance()).isEqualTo("2 分 / 2.5 天");
        assertThat(table.rows().get(3).overdueShareText()).as("nothing received: no share").isEqualTo("—");
        assertThat(table.rows().get(3).toDecision()).isEqualTo("—");
    }

    @Test
    void eachDepartmentHasEveryMonthOfItsTrendEvenWithoutFigures() {
        DepartmentFigures period = new DepartmentFigures(FROM, TO, List.of(department("市公安局", 4, 1, 0.75)));
        Map<YearMonth, DepartmentFigures> months = new LinkedHashMap<>();
        List<YearMonth> last = LeagueTable.lastMonths(YearMonth.of(2026, 2), 3);
        assertThat(last).containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        months.put(last.get(0), new DepartmentFigures(FROM, TO, List.of()));
        months.put(last.get(1), new DepartmentFigures(FROM, TO, List.of(department("市公安局", 8, 2, null))));
        months.put(last.get(2), period);

        List<LeagueTable.Month> trend = LeagueTable.of(period, months).rows().get(0).trend();

        assertThat(trend).containsExactly(new LeagueTable.Month(YearMonth.of(2025, 12), 0, null, null),
                new LeagueTable.Month(YearMonth.of(2026, 1), 8, 0.25, null),
                new LeagueTable.Month(YearMonth.of(2026, 2), 4, 0.25, 0.75));
    }

    @Test
    void theTrendChartSaysEveryMonthInWordsAndEscapesTheDepartment() {
        List<LeagueTable.Month> trend = List.of(new LeagueTable.Month(YearMonth.of(2026, 10), 0, null, null),
                new LeagueTable.Month(YearMonth.of(2026, 11), 8, 0.25, 0.5));

        String svg = TrendChart.svg("trend-1", "<script>局", trend);

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;局 近 2 个月趋势");
        assertThat(svg).contains("aria-labelledby=\"trend-1-t trend-1-d\"", "<title id=\"trend-1-t\">", "<desc id=\"trend-1-d\">")
                .contains("2026-11：收件 8，超期率 25.0%，满意率 50.0%。", "2026-10：收件 0，超期率 —");
        assertThat(svg.split("<rect", -1)).as("a bar a month").hasSize(3);
        assertThat(svg.split("<polyline", -1)).as("two lines, each with its one point").hasSize(3);
        assertThat(svg).contains("cy=\"68\"").as("25% of the 80-pixel plot above its base at 88");
    }

    private static DepartmentSupervision department(String name, long received, long overdue, Double satisfaction) {
        HandlingTimes times = received == 0 ? new HandlingTimes(0, null, null) : TIMES;
        return new DepartmentSupervision(name, received, received, received - overdue, 0, overdue, overdue, times,
                times, satisfaction, 0L, 0L, 0);
    }
}
