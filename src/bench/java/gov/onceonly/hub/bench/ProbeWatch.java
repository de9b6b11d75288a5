package gov.onceonly.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks the hub's probes what Kubernetes asks, five times a second each, while a run goes: how long readiness and
 * liveness take to answer (the target is under 100 ms under load; the Kubernetes probe allows 3 s), and how often they
 * said anything but UP.
 */
final class ProbeWatch implements AutoCloseable {

    static final String[] PROBES = {"/actuator/health/readiness", "/actuator/health/liveness"};

    /** One phase of the probes' section: what the hub is doing meanwhile, and the run that does it. */
    record Phase(String name, Callable<RunResult> run) {
    }

    /** The bench's section for the hub at {@code url}: idle, the headline's open loop, then its closed loop. */
    static String section(String url, SystemUnderTest hub, Measurement measurement, BenchOptions options)
            throws Exception {
        return section(url, options.duration(), List.of(
                new Phase("open loop", () -> measurement.measure(hub, "probes", Bench.HEADLINE, "open", options.rate(),
                        false, options.warmup(), options.duration())),
                new Phase("closed loop", () -> measurement.measure(hub, "probes", Bench.HEADLINE, "closed",
                        options.concurrency(), false, options.warmup(), options.duration()))));
    }

    /**
     * The probes asked for {@code idle} with no applications, then during each phase (the
     * headline's open loop at its moderate rate, then its closed loop, which saturates the machine), in one table.
     */
    static String section(String url, Duration idle, List<Phase> phases) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map.Entry<LatencySummary, Long>> quiet;
        try (ProbeWatch probes = new ProbeWatch(url)) {
            Thread.sleep(idle.toMillis());
            quiet = probes.results();
        }
        for (String probe : PROBES) {
            rows.add(row(probe, "idle", quiet.get(probe)));
        }
        for (Phase phase : phases) {
            Map<String, Map.Entry<LatencySummary, Long>> loaded;
            RunResult run;
            try (ProbeWatch probes = new ProbeWatch(url)) {
                run = phase.run().call();
                loaded = probes.results();
            }
            for (String probe : PROBES) {
                rows.add(row(probe, String.format(Locale.ROOT, "%s, %.1f applications/s completed", phase.name(),
                        run.completedPerSecond()), loaded.get(probe)));
            }
        }
        return "## Probes under load\n\nReadiness and liveness asked as Kubernetes asks them (five times a second each), "
                + "idle for " + idle.toSeconds() + " s, then during each load (target: under 100 ms; the Kubernetes "
                + "probe allows 3 s).\n\n"
                + MarkdownTable.render(List.of("probe", "while", "answers", "p50 ms", "p99 ms", "max ms", "not UP"), rows)
                + "\n";
    }

    private static List<String> row(String probe, String state, Map.Entry<LatencySummary, Long> result) {
        LatencySummary latency = result.getKey();
        return List.of("`" + probe + "`", state, String.valueOf(latency.count()), ResultTables.number(latency.p50()),
                ResultTables.number(latency.p99()), ResultTables.number(latency.max()), String.valueOf(result.getValue()));
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Map<String, LatencyRecorder> latencies = new LinkedHashMap<>();
    private final Map<String, AtomicLong> notUp = new LinkedHashMap<>();
    private final Thread asker;
    private volatile boolean running = true;

    ProbeWatch(String url) {
        this.url = url;
        for (String probe : PROBES) {
            latencies.put(probe, new LatencyRecorder());
            notUp.put(probe, new AtomicLong());
        }
        asker = new Thread(this::ask, "bench-probes");
        asker.setDaemon(true);
        asker.start();
    }

    private void ask() {
        while (running) {
            for (String probe : PROBES) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + probe))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    latencies.get(probe).record(start, System.nanoTime());
                    if (answer.statusCode() != 200 || !answer.body().contains("\"UP\"")) {
                        notUp.get(probe).incrementAndGet();
                    }
                } catch (Exception e) {
                    latencies.get(probe).record(start, System.nanoTime());
                    notUp.get(probe).incrementAndGet();
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Each probe's answer times and how many answers were not UP. */
    Map<String, Map.Entry<LatencySummary, Long>> results() {
        Map<String, Map.Entry<LatencySummary, Long>> results = new LinkedHashMap<>();
        latencies.forEach((probe, recorder) -> results.put(probe, Map.entry(recorder.summary(), notUp.get(probe).get())));
        return results;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        asker.interrupt();
        asker.join(15_000);
    }
}
