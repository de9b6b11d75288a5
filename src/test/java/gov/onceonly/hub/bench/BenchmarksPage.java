package gov.onceonly.hub.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a run's report into docs/benchmarks.md, between the page's two markers, so that the page always holds the
 * latest run's own numbers next to the analysis written by hand around them. The report's headings move two levels
 * down (to at most six), under the page's "Latest run" heading.
 */
public final class BenchmarksPage {

    public static final String BEGIN = "<!-- bench:latest-run:begin (written by mvn -Pbench verify; edits here are lost) -->";
    public static final String END = "<!-- bench:latest-run:end -->";
    private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6}) ");

    private BenchmarksPage() {
    }

    /**
     * The page with the report between its markers.
     *
     * @throws IllegalArgumentException if the page lacks either marker, or has them out of order
     */
    public static String withLatestRun(String page, String report) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("docs/benchmarks.md: the markers " + BEGIN + " and " + END
                    + " must both be there, in that order, for the bench to write its run between them");
        }
        Matcher headings = HEADING.matcher(report.strip());
        String demoted = headings.replaceAll(m -> "#".repeat(Math.min(6, m.group(1).length() + 2)) + " ");
        return page.substring(0, begin + BEGIN.length()) + "\n\n" + demoted + "\n\n" + page.substring(end);
    }
}
