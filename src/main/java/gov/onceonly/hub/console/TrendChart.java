package gov.onceonly.hub.console;

import org.springframework.web.util.HtmlUtils;

import java.util.List;

/**
 * A department's months as a small SVG chart, drawn on the server: a bar per month for the items it received, and
 * two lines on a 0 to 100% scale, the share of them gone overdue (red) and satisfaction (green). Its {@code <title>}
 * and {@code <desc>} say every month's numbers in words, for screen readers and for the exact figures.
 */
public final class TrendChart {

    private static final int WIDTH = 300;
    private static final int HEIGHT = 120;
    private static final int LEFT = 34;
    private static final int TOP = 8;
    private static final int PLOT_H = 80;
    private static final String OVERDUE = "#c5221f";
    private static final String SATISFIED = "#0d652d";

    private TrendChart() {
    }

    /** {@code id}: unique in the page, for the title and description the chart is labelled by. */
    public static String svg(String id, String department, List<LeagueTable.Month> months) {
        int slot = (WIDTH - LEFT - 8) / Math.max(1, months.size());
        long most = Math.max(1, months.stream().mapToLong(LeagueTable.Month::received).max().orElse(1));
        StringBuilder desc = new StringBuilder();
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"").append(id).append("-t ")
                .append(id).append("-d\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"'Noto Sans CJK SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif\">")
                .append("<title id=\"").append(id).append("-t\">").append(text(department + " 近 " + months.size()
                        + " 个月趋势")).append("</title>");
        int base = TOP + PLOT_H;
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(base).append("\" x2=\"").append(WIDTH - 8)
                .append("\" y2=\"").append(base).append("\" stroke=\"#5f6368\"/>")
                .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + 8)
                .append("\" font-size=\"10\" fill=\"#3c4043\" text-anchor=\"end\">100%</text>")
                .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(base)
                .append("\" font-size=\"10\" fill=\"#3c4043\" text-anchor=\"end\">0</text>");
        StringBuilder overdue = new StringBuilder();
        StringBuilder satisfied = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            LeagueTable.Month m = months.get(i);
            int x = LEFT + i * slot + slot / 2;
            int bar = (int) Math.round((double) m.received() / most * PLOT_H * 0.9);
            out.append("<rect x=\"").append(x - slot / 4).append("\" y=\"").append(base - bar).append("\" width=\"")
                    .append(slot / 2).append("\" height=\"").append(bar).append("\" fill=\"#aecbfa\" stroke=\"#174ea6\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(base + 14)
                    .append("\" font-size=\"11\" fill=\"#202124\" text-anchor=\"middle\">").append(m.month().getMonthValue())
                    .append("月</text>");
            point(overdue, x, m.overdueShare());
            point(satisfied, x, m.satisfaction());
            desc.append(m.month()).append("：收件 ").append(m.received()).append("，超期率 ")
                    .append(LeagueTable.percent(m.overdueShare())).append("，满意率 ")
                    .append(LeagueTable.percent(m.satisfaction())).append("。");
        }
        line(out, overdue, OVERDUE);
        line(out, satisfied, SATISFIED);
        return out.append("<desc id=\"").append(id).append("-d\">").append(text(desc.toString())).append("</desc></svg>")
                .toString();
    }

    private static void point(StringBuilder points, int x, Double share) {
        if (share != null) {
            points.append(x).append(',').append(Math.round(TOP + PLOT_H - share * PLOT_H)).append(' ');
        }
    }

    private static void line(StringBuilder out, StringBuilder points, String colour) {
        if (points.isEmpty()) {
            return;
        }
        out.append("<polyline points=\"").append(points.toString().strip()).append("\" fill=\"none\" stroke=\"")
                .append(colour).append("\" stroke-width=\"2\"/>");
        for (String p : points.toString().strip().split(" ")) {
            String[] xy = p.split(",");
            out.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3.5\" fill=\"")
                    .append(colour).append("\"/>");
        }
    }

    private static String text(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
