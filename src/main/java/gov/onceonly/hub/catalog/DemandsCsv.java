package gov.onceonly.hub.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A bundle's data-demand list (数据需求清单) as a spreadsheet-ready CSV: UTF-8 with a byte-order mark so that
 * spreadsheet programs read the Chinese right, CRLF line ends and RFC 4180 quoting, one row per item field.
 */
public final class DemandsCsv {

    static final List<String> HEADER = List.of("序号", "事项编码", "事项名称", "办理部门", "字段", "字段名称", "是否必需",
            "来源系统", "数据集", "数据集名称", "来源字段", "责任部门", "共享方式");

    private DemandsCsv() {
    }

    public static byte[] of(List<DemandLine> lines) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, HEADER);
        int n = 0;
        for (DemandLine l : lines) {
            row(out, List.of(String.valueOf(++n), l.item(), l.itemName(), l.itemDepartment(), l.field(), l.fieldTitle(),
                    l.required() ? "是" : "否", l.system(), l.dataset(), l.datasetTitle(), l.sourceField(),
                    l.responsibleDepartment(), l.sharingMethod()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Quotes where RFC 4180 needs it; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
