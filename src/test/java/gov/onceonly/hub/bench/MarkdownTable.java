package gov.onceonly.hub.bench;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table; a pipe inside a cell is escaped so that it cannot split the row. */
public final class MarkdownTable {

    private MarkdownTable() {
    }

    public static String render(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        List<String> rule = new ArrayList<>();
        headers.forEach(h -> rule.add("---"));
        line(out, rule);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(c -> out.append(' ').append(c == null ? "" : c.replace("|", "\\|")).append(" |"));
        out.append('\n');
    }
}
