package gov.onceonly.hub.console;

import org.springframework.web.util.HtmlUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An application's steps as a lane chart, drawn on the server as SVG: one lane per department, a mark per step
 * placed by its time after receipt. The steps' table beside it says the same in words (for screen readers, and to
 * read exact times); the chart shows at a glance which department the application waits on.
 */
public final class TimelineChart {

    private static final int LANE = 34;
    private static final int LABEL = 170;
    private static final int PLOT = 560;
    private static final int TOP = 28;

    private TimelineChart() {
    }

    public static String svg(ApplicationTimeline timeline) {
        List<String> lanes = timeline.departments();
        List<ApplicationTimeline.Step> steps = timeline.steps();
        Instant start = steps.get(0).at();
        long span = Math.max(1, Duration.between(start, steps.get(steps.size() - 1).at()).toMillis());
        int width = LABEL + PLOT + 40;
        int height = TOP + lanes.size() * LANE + 24;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"timeline-chart-title\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"'Noto Sans CJK SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif\">")
                .append("<title id=\"timeline-chart-title\">各部门办理时间线</title>");
        for (int i = 0; i < lanes.size(); i++) {
            int y = TOP + i * LANE;
            out.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"").append(LANE)
                    .append("\" fill=\"").append(i % 2 == 0 ? "#f1f3f4" : "#ffffff").append("\"/>")
                    .append("<text x=\"8\" y=\"").append(y + 21).append("\" font-size=\"13\" fill=\"#202124\">")
                    .append(text(lanes.get(i))).append("</text>");
        }
        out.append("<text x=\"").append(LABEL).append("\" y=\"18\" font-size=\"12\" fill=\"#3c4043\">收件</text>")
                .append("<text x=\"").append(LABEL + PLOT).append("\" y=\"18\" font-size=\"12\" fill=\"#3c4043\" text-anchor=\"end\">")
                .append(text(steps.get(steps.size() - 1).elapsed())).append("</text>");
        for (ApplicationTimeline.Step step : steps) {
            int lane = Math.max(0, lanes.indexOf(step.department()));
            long x = LABEL + Math.round((double) Duration.between(start, step.at()).toMillis() / span * PLOT);
            int y = TOP + lane * LANE + LANE / 2;
            out.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"6\" fill=\"")
                    .append(step.attention() ? "#c5221f" : "#1a73e8").append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>")
                    .append(text(step.time() + " " + step.department() + " " + step.item() + " " + step.what()))
                    .append("</title></circle>");
        }
        return out.append("</svg>").toString();
    }

    private static String text(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }
}
