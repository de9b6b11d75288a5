package gov.onceonly.hub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bench's command line: {@code [--quick] [--only=headline,probes,curves,scaleout,backlog,soak,startup,profile]
 * [--duration=S] [--warmup=S] [--rate=R] [--concurrency=C] [--latency=MS] [--jitter=MS] [--payload=BYTES]
 * [--error-rate=P] [--backlog=N] [--soak=S] [--jit-warmup=S] [--before=DIR] [--hub-args="--key=value …"]}. {@code --hub-args} are
 * added to the command line of the hub under test (to try a setting before changing its default). {@code --before} names a checkout of an earlier version
 * (its {@code target/hub.jar} built, its {@code routes/}), run beside the hub in the headline as "hub (before)".
 */
record BenchOptions(boolean quick, Set<String> only, Duration warmup, Duration duration, double rate, int concurrency,
                    int latencyMillis, int jitterMillis, int payloadBytes, double errorRate, int backlog, Duration soak,
                    Path before, List<String> hubArgs, Duration jitWarmup) {

    static final List<String> SECTIONS = List.of("headline", "probes", "curves", "scaleout", "backlog", "soak", "startup",
            "profile");

    static BenchOptions parse(String... args) {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>(SECTIONS);
        Integer warmup = null;
        Integer duration = null;
        double rate = 20;
        int concurrency = 48;
        int latency = 20;
        int jitter = 5;
        int payload = 1024;
        double errorRate = 0;
        Integer backlog = null;
        Integer soak = null;
        Path before = null;
        Integer jit = null;
        List<String> hubArgs = new java.util.ArrayList<>();
        boolean inHubArgs = false;
        for (String arg : args) {
            if (arg.startsWith("--hub-args=")) {
                inHubArgs = true;
                if (!value(arg).isBlank()) {
                    hubArgs.add(value(arg));
                }
                continue;
            }
            if (inHubArgs && arg.startsWith("--") && arg.contains(".")) {
                hubArgs.add(arg); // a hub property (it has a dot), not a bench option
                continue;
            }
            inHubArgs = false;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--full") || arg.isBlank()) {
                quick = false;
            } else if (arg.startsWith("--only=")) {
                only = new LinkedHashSet<>(List.of(value.split(",")));
                if (!SECTIONS.containsAll(only)) {
                    throw new IllegalArgumentException("--only takes some of " + SECTIONS + ", not " + value);
                }
            } else if (arg.startsWith("--duration=")) {
                duration = Integer.parseInt(value);
            } else if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(value);
            } else if (arg.startsWith("--rate=")) {
                rate = Double.parseDouble(value);
            } else if (arg.startsWith("--concurrency=")) {
                concurrency = Integer.parseInt(value);
            } else if (arg.startsWith("--latency=")) {
                latency = Integer.parseInt(value);
            } else if (arg.startsWith("--jitter=")) {
                jitter = Integer.parseInt(value);
            } else if (arg.startsWith("--payload=")) {
                payload = Integer.parseInt(value);
            } else if (arg.startsWith("--error-rate=")) {
                errorRate = Double.parseDouble(value);
            } else if (arg.startsWith("--jit-warmup=")) {
                jit = Integer.parseInt(value);
            } else if (arg.startsWith("--backlog=")) {
                backlog = Integer.parseInt(value);
            } else if (arg.startsWith("--soak=")) {
                soak = Integer.parseInt(value);
            } else if (arg.startsWith("--before=")) {
                before = Path.of(value);
                if (!Files.isRegularFile(before.resolve("target/hub.jar")) || !Files.isDirectory(before.resolve("routes"))) {
                    throw new IllegalArgumentException("--before=" + value + " must hold target/hub.jar (built) and routes/");
                }
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "; see docs/benchmarks.md");
            }
        }
        return new BenchOptions(quick, only, Duration.ofSeconds(warmup != null ? warmup : quick ? 3 : 10),
                Duration.ofSeconds(duration != null ? duration : quick ? 8 : 20), rate, concurrency, latency, jitter,
                payload, errorRate, backlog != null ? backlog : quick ? 2000 : 10_000,
                Duration.ofSeconds(soak != null ? soak : quick ? 60 : 600), before, List.copyOf(hubArgs),
                Duration.ofSeconds(jit != null ? jit : quick ? 5 : 60));
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1).replaceAll("^\"|\"$", "");
    }

    boolean runs(String section) {
        return only.contains(section);
    }

    /** Whether a section runs that measures the hub against the baselines (all but startup). */
    boolean needsTheHub() {
        return only.stream().anyMatch(section -> !section.equals("startup"));
    }

    /** Curves and the startup table use shorter windows: there are many points. */
    Duration curveDuration() {
        return duration.dividedBy(quick ? 1 : 2);
    }

    Duration curveWarmup() {
        return warmup.dividedBy(2);
    }
}
