package gov.onceonly.hub.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A bundle's data-demand list (数据需求清单) as a spreadsheet-ready CSV: UTF-8 with a byte-order mark so that
 * spreadsheet programs read the Chinese right, and Apache Commons CSV's RFC 4180 (CRLF line ends, quoting where
 * needed), one row per item field. A cell that a spreadsheet would run as a formula is defused first.
 */
public final class DemandsCsv {

    static final List<String> HEADER = List.of("序号", "事项编码", "事项名称", "办理部门", "字段", "字段名称", "是否必需",
            "来源系统", "数据集", "数据集名称", "来源字段", "责任部门", "共享方式");

    /** What a spreadsheet reads as the start of a formula (OWASP's CSV injection list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private DemandsCsv() {
    }

    public static byte[] of(List<DemandLine> lines) {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(HEADER);
            int n = 0;
            for (DemandLine l : lines) {
                csv.printRecord(String.valueOf(++n), defused(l.item()), defused(l.itemName()), defused(l.itemDepartment()),
                        defused(l.field()), defused(l.fieldTitle()), l.required() ? "是" : "否", defused(l.system()),
                        defused(l.dataset()), defused(l.datasetTitle()), defused(l.sourceField()),
                        defused(l.responsibleDepartment()), defused(l.sharingMethod()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A leading = + - @ TAB or CR gets an apostrophe, so a spreadsheet shows the text and never runs it. */
    static String defused(String value) {
        String v = value == null ? "" : value;
        return !v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    /** One cell as the file writes it. */
    static String cell(String value) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("").build())) {
            csv.print(defused(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
