package gov.onceonly.hub.supervision;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyReportTest {

    @Test
    void theCsvHasOneRowPerDepartmentWithFormulaCellsDefused() {
        DepartmentFigures figures = new DepartmentFigures(Instant.parse("2026-10-31T16:00:00Z"),
                Instant.parse("2026-11-30T16:00:00Z"), List.of(
                new DepartmentFigures.DepartmentSupervision("=HYPERLINK(\"x\")", 4, 3, 2, 1, 1, 1,
                        new DepartmentFigures.HandlingTimes(3, 60.0, 90.5), DepartmentFigures.HandlingTimes.NONE,
                        null, null, null, 2)));
        String csv = new String(MonthlyReport.of(YearMonth.parse("2026-11"), figures).csv(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF月份,部门,收件数");
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).isEqualTo("2026-11,\"'=HYPERLINK(\"\"x\"\")\",4,3,2,1,1,1,60.0,90.5,,,,,,2");
    }
}
