package gov.onceonly.hub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bench's command line: {@code [--quick] [--only=headline,curves,scaleout,backlog,soak,startup,profile]
 * [--duration=S] [--warmup=S] [--rate=R] [--concurrency=C] [--latency=MS] [--jitter=MS] [--payload=BYTES]
 * [--error-rate=P] [--backlog=N] [--soak=S] [--before=DIR]}. {@code --before} names a checkout of an earlier version
 * (its {@code target/hub.jar} built, its {@code routes/}), run beside the hub in the headline as "hub (before)".
 */
record BenchOptions(boolean quick, Set<String> only, Duration warmup, Duration duration, double rate, int concurrency,
                    int latencyMillis, int jitterMillis, int payloadBytes, double errorRate, int backlog, Duration soak,
                    Path before) {

    static final List<String> SECTIONS = List.of("headline", "curves", "scaleout", "backlog", "soak", "startup", "profile");

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
        for (String arg : args) {
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
                Duration.ofSeconds(soak != null ? soak : quick ? 60 : 600), before);
    }

    boolean runs(String section) {
        return only.contains(section);
    }

    /** Curves and the startup table use shorter windows: there are many points. */
    Duration curveDuration() {
        return duration.dividedBy(quick ? 1 : 2);
    }

    /** Once per system before the first scenario, for the JIT. */
    Duration jitWarmup() {
        return Duration.ofSeconds(quick ? 5 : 30);
    }

    Duration curveWarmup() {
        return warmup.dividedBy(2);
    }
}
