package gov.onceonly.hub.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTablesTest {

    private static RunResult run(String system, double completedPerSecond, double p50, double cpu, double sourceCalls) {
        return new RunResult(system, "headline", "closed", 16, 10, 100, 100, 100, 0, completedPerSecond / 2,
                completedPerSecond, new LatencySummary(100, 5, 9, 12, 13), new LatencySummary(100, p50, p50 * 2, p50 * 3, p50 * 4),
                cpu, cpu / 4, 64L * 1048576, 12.5, 6, sourceCalls);
    }

    @Test
    void aRowPerRunWithEveryFigure() {
        String table = ResultTables.runs(List.of(run("hub", 250, 60, 0.004, 3)));
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().toList().get(2)).isEqualTo(
                "| hub | headline | closed | 16 | 125 | 250 | 5 / 9 / 12 | 60 / 120 / 180 | 4 | 1 | 64 | 12.5 | 6 | 3 | 0 |");
    }

    @Test
    void ratiosAreTheHubOverEachBaseline() {
        String table = ResultTables.ratios(run("hub", 250, 60, 0.004, 3),
                List.of(run("hand-written", 500, 40, 0.001, 3), run("status-quo", 100, 120, Double.NaN, 10)));
        assertThat(table).contains("| hand-written | 0.50× | 1.50× | 1.50× | 4.00× | 1.00× |");
        assertThat(table).contains("| status-quo | 2.50× | 0.50× | 0.50× | – | 0.30× |");
    }

    @Test
    void aPipeInACellDoesNotSplitTheRow() {
        assertThat(MarkdownTable.render(List.of("a"), List.of(List.of("x|y")))).endsWith("| x\\|y |\n");
    }

    @Test
    void numbersKeepThreeSignificantFiguresAndNoneForWhatDoesNotApply() {
        assertThat(ResultTables.number(1234.567)).isEqualTo("1235");
        assertThat(ResultTables.number(12.345)).isEqualTo("12.3");
        assertThat(ResultTables.number(1.2345)).isEqualTo("1.23");
        assertThat(ResultTables.number(3)).isEqualTo("3");
        assertThat(ResultTables.number(Double.NaN)).isEqualTo("–");
    }
}
