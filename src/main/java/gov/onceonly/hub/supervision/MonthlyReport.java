package gov.onceonly.hub.supervision;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly report (通报): the departments' figures of one month, one flat row per department, as JSON that
 * Grafana's JSON and Infinity data sources read as a table, and as CSV (UTF-8 with a byte-order mark for spreadsheets,
 * RFC 4180, formula cells defused as in the catalogue's demands.csv).
 */
public record MonthlyReport(String month, Instant from, Instant to, List<MonthlyReportRow> rows) {

    static final List<String> HEADER = List.of("月份", "部门", "收件数", "受理数", "办结数", "退回数", "逾期数", "逾期办结数",
            "受理用时中位数(秒)", "受理用时P90(秒)", "办结用时中位数(秒)", "办结用时P90(秒)", "满意率", "差评未整改数",
            "差评整改逾期数", "减环节数");

    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** One department's month, flat. */
    public record MonthlyReportRow(String month, String department, long itemsReceived, long itemsAccepted, long itemsDone,
                      long itemsRejected, long itemsOverdue, long itemsDecidedLate, Double toAcceptanceP50Seconds,
                      Double toAcceptanceP90Seconds, Double toDecisionP50Seconds, Double toDecisionP90Seconds,
                      Double satisfaction, Long badRatingCasesOpen, Long badRatingCasesLate, long stepsSaved) {
    }

    public static MonthlyReport of(YearMonth month, DepartmentFigures figures) {
        List<MonthlyReportRow> rows = new ArrayList<>();
        for (DepartmentFigures.DepartmentSupervision d : figures.departments()) {
            rows.add(new MonthlyReportRow(month.toString(), d.department(), d.itemsReceived(), d.itemsAccepted(), d.itemsDone(),
                    d.itemsRejected(), d.itemsOverdue(), d.itemsDecidedLate(), d.toAcceptance().p50Seconds(),
                    d.toAcceptance().p90Seconds(), d.toDecision().p50Seconds(), d.toDecision().p90Seconds(),
                    d.satisfaction(), d.badRatingCasesOpen(), d.badRatingCasesLate(), d.stepsSaved()));
        }
        return new MonthlyReport(month.toString(), figures.from(), figures.to(), rows);
    }

    public byte[] csv() {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(HEADER);
            for (MonthlyReportRow r : rows) {
                csv.printRecord(defused(r.month()), defused(r.department()), r.itemsReceived(), r.itemsAccepted(),
                        r.itemsDone(), r.itemsRejected(), r.itemsOverdue(), r.itemsDecidedLate(),
                        text(r.toAcceptanceP50Seconds()), text(r.toAcceptanceP90Seconds()), text(r.toDecisionP50Seconds()),
                        text(r.toDecisionP90Seconds()), text(r.satisfaction()), text(r.badRatingCasesOpen()),
                        text(r.badRatingCasesLate()), r.stepsSaved());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A leading = + - @ TAB or CR gets an apostrophe, so a spreadsheet shows the text and never runs it. */
    static String defused(String value) {
        String v = value == null ? "" : value;
        return !v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }
}
