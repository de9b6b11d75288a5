package gov.onceonly.hub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The report's tables, from measured runs. Pure, so that what the report says is tested. */
public final class ResultTables {

    static final List<String> RUN_HEADERS = List.of("system", "scenario", "mode", "load", "accepted/s", "completed/s",
            "intake p50/p99/p99.9 ms", "completion p50/p99/p99.9 ms", "CPU ms/app", "of it JIT", "peak heap MB", "PG rows/app",
            "Kafka msgs/app", "source calls/app", "errors");

    private ResultTables() {
    }

    public static String runs(List<RunResult> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (RunResult r : runs) {
            rows.add(List.of(r.system(), r.scenario(), r.mode(), number(r.load()), number(r.acceptedPerSecond()),
                    number(r.completedPerSecond()), percentiles(r.intake()), percentiles(r.completion()),
                    number(r.cpuSecondsPerApplication() * 1000), number(r.jitCpuSecondsPerApplication() * 1000),
                    r.peakHeapBytes() <= 0 ? "–" : number(r.peakHeapBytes() / 1048576.0),
                    number(r.rowsPerApplication()), number(r.kafkaMessagesPerApplication()), number(r.sourceCalls()),
                    String.valueOf(r.errors())));
        }
        return MarkdownTable.render(RUN_HEADERS, rows);
    }

    /** The hub's figures as multiples of each baseline's: above 1 means the hub has more of it. */
    public static String ratios(RunResult hub, List<RunResult> baselines) {
        List<List<String>> rows = new ArrayList<>();
        for (RunResult base : baselines) {
            rows.add(List.of(base.system(),
                    ratio(hub, base, RunResult::completedPerSecond),
                    ratio(hub, base, r -> r.completion().p50()),
                    ratio(hub, base, r -> r.completion().p99()),
                    ratio(hub, base, RunResult::cpuSecondsPerApplication),
                    ratio(hub, base, RunResult::sourceCalls)));
        }
        return MarkdownTable.render(List.of("hub ÷", "completed/s", "completion p50", "completion p99", "CPU/app",
                "source calls/app"), rows);
    }

    static String ratio(RunResult hub, RunResult base, ToDoubleFunction<RunResult> figure) {
        double a = figure.applyAsDouble(hub);
        double b = figure.applyAsDouble(base);
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    static String percentiles(LatencySummary s) {
        if (s.count() == 0) {
            return "–";
        }
        return number(s.p50()) + " / " + number(s.p99()) + " / " + number(s.p999());
    }

    /** Three significant figures at most, no exponent; "–" for a figure that does not apply. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        if (abs >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
