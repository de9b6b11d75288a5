package gov.onceonly.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark of docs/benchmarks.md, run by {@code mvn -Pbench verify}: the hub (target/hub.jar in its own JVM),
 * the hand-written baseline (its own JVM) and the status quo, on the same bench departments and the same
 * PostgreSQL, under the same load. Writes target/bench/results.md and results.json.
 */
public final class Bench {

    static final String HEADLINE = "bench-i5-s3";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private final BenchOptions options;
    private final Path out = Path.of("target", "bench");
    private final Path work;
    private final BenchDatabase db;
    private final DeliveryWatch watch = new DeliveryWatch();
    private final Departments departments;
    private final LoadDriver driver = new LoadDriver(watch);
    private final Applicants applicants = new Applicants();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder markdown = new StringBuilder();
    private final List<String> notes = new ArrayList<>();
    private final Measurement measurement;
    private Path configRoot;

    private Bench(BenchOptions options) throws IOException {
        this.options = options;
        Files.createDirectories(out);
        work = Files.createTempDirectory("hub-bench");
        db = new BenchDatabase(work.resolve("postgres"));
        departments = new Departments(watch);
        departments.sourceLatency = new Departments.Latency(options.latencyMillis(), options.jitterMillis());
        departments.targetLatency = new Departments.Latency(options.latencyMillis(), options.jitterMillis());
        departments.payloadBytes = options.payloadBytes();
        departments.errorRate = options.errorRate();
        measurement = new Measurement(departments, watch, driver, notes);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args.length == 1 ? args[0].trim().split("\\s+") : args);
        Bench bench = new Bench(options);
        try {
            bench.run();
        } finally {
            bench.departments.close();
            bench.db.close();
        }
        System.exit(0);
    }

    static BenchModel model() {
        List<BenchModel.Bundle> bundles = new ArrayList<>();
        bundles.add(BenchModel.bundle(HEADLINE, 5, 3));
        for (int items : new int[]{2, 4, 8, 16}) {
            bundles.add(BenchModel.bundle("bench-i" + items + "-s3", items, 3));
        }
        for (int sources : new int[]{1, 2, 4, 8}) {
            bundles.add(BenchModel.bundle("bench-i8-s" + sources, 8, sources));
        }
        return new BenchModel(bundles.stream().distinct().toList());
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        json.put("machine", Machine.describe());
        json.put("options", options);
        json.put("started", started.toString());
        markdown.append("# Benchmark results\n\n").append(Machine.markdown()).append("\nStarted ").append(started)
                .append("; options: ").append(options).append(".\n\n");
        BenchModel model = model();
        configRoot = ConfigRoot.write(work.resolve("config"), Path.of("."), model, departments.port());
        Path modelFile = work.resolve("model.json");
        JSON.writeValue(modelFile.toFile(), model);
        if (options.needsTheHub()) {
            String hubDb = db.createDatabase("hub");
            String baselineDb = db.createDatabase("handwritten");
            int handWrittenPort = HubJvm.freePort();
            try (HubJvm hub = HubJvm.start(Path.of("target", "hub.jar"), configRoot, hubDb, work.resolve("hub-data"),
                    out.resolve("hub.log"), List.of("-XX:FlightRecorderOptions=stackdepth=256"), options.hubArgs());
                 JvmProcess handWrittenJvm = HandWrittenHub.launch(handWrittenPort, baselineDb, modelFile,
                         departments.url(), out.resolve("hand-written.log"))) {
                System.out.printf("hub ready in %.1f s at %s%n", hub.startup().toMillis() / 1000.0, hub.url());
                SystemUnderTest hubSystem = new HttpIntake("hub", hub.url(), applicants,
                        new Meters(hub.jvm(), hub::heapUsed, db, "hub", hub::kafkaMessages));
                HttpIntake handWritten = handWritten(handWrittenJvm, handWrittenPort);
                SystemUnderTest statusQuo = new StatusQuo(model, departments.url(), applicants);
                idleCpu(List.of(hubSystem, handWritten), "after startup", Duration.ofSeconds(3));
                // The JIT needs far more than one scenario's warm-up to compile a Spring, Camel and Kafka application;
                // without this the hub's first figures measure its compiler.
                for (SystemUnderTest system : List.of(hubSystem, handWritten)) {
                    System.out.println("warming up " + system.name() + " for " + options.jitWarmup().toSeconds() + " s");
                    driver.closed(system, HEADLINE, 5, 16, options.jitWarmup(), Duration.ofSeconds(10));
                    watch.reset();
                }
                idleCpu(List.of(hubSystem, handWritten), "after the JIT warm-up", Duration.ofSeconds(30));
                if (options.runs("headline")) {
                    headline(hubSystem, handWritten, statusQuo);
                }
                if (options.runs("probes")) {
                    markdown.append(ProbeWatch.section(hub.url(), hubSystem, measurement, options));
                }
                if (options.runs("curves")) {
                    curves(hubSystem, handWritten, statusQuo);
                }
                if (options.runs("scaleout")) {
                    scaleOut(hub, hubSystem, hubDb);
                }
                if (options.runs("soak")) {
                    soak(hub, hubSystem);
                }
                if (options.runs("profile")) {
                    profile(hub, hubSystem);
                }
                if (options.runs("backlog")) {
                    backlog(hubSystem);
                }
            }
        }
        if (options.runs("startup")) {
            List<StartupRun.Result> startup = new StartupRun(work, out, db, departments.port())
                    .run(options.quick() ? new int[]{50, 500} : new int[]{50, 500, 5000});
            markdown.append(StartupRun.markdown(startup));
            json.put("startup", StartupRun.json(startup));
        }
        if (!notes.isEmpty()) {
            markdown.append("## Notes\n\n");
            notes.forEach(n -> markdown.append("- ").append(n).append('\n'));
            json.put("notes", notes);
        }
        json.put("finished", Instant.now().toString());
        Files.writeString(out.resolve("results.md"), markdown);
        JSON.writeValue(out.resolve("results.json").toFile(), json);
        System.out.println(markdown);
        System.out.println("Wrote " + out.resolve("results.md") + " and " + out.resolve("results.json"));
        writeToBenchmarksPage();
    }

    /** The run's report (its profile included, if one was taken) into docs/benchmarks.md's "Latest run". */
    private void writeToBenchmarksPage() throws IOException {
        Path page = Path.of("docs", "benchmarks.md");
        Files.writeString(page, BenchmarksPage.withLatestRun(Files.readString(page), markdown.toString()));
        System.out.println("Wrote the run into " + page + " (Latest run)");
    }

    /** The hand-written baseline's JVM, once it answers. */
    private HttpIntake handWritten(JvmProcess jvm, int port) throws Exception {
        String url = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        Meters meters = new Meters(jvm, () -> {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(url + "/stats")).build(), HttpResponse.BodyHandlers.ofString()).body();
                return Long.parseLong(body.replaceAll("\\D", ""));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, db, "handwritten", null);
        HttpIntake system = new HttpIntake("hand-written", url, applicants, meters);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!system.answers()) {
            if (!jvm.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the hand-written baseline did not start, see target/bench/hand-written.log");
            }
            Thread.sleep(100);
        }
        return system;
    }

    /**
     * CPU each system burns with nothing to do (pollers, schedulers, the embedded broker): part of every
     * application's CPU at a low rate, and none of it at saturation.
     */
    private void idleCpu(List<SystemUnderTest> systems, String when, Duration quiet) throws InterruptedException {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> idle = new LinkedHashMap<>();
        Thread.sleep(quiet.toMillis());
        for (SystemUnderTest system : systems) {
            JvmProcess jvm = system.meters().jvm();
            double before = jvm.cpuSeconds();
            double jitBefore = jvm.jitCpuSeconds();
            Thread.sleep(10_000);
            double cores = (jvm.cpuSeconds() - before) / 10;
            double jit = (jvm.jitCpuSeconds() - jitBefore) / 10;
            int threads = jvm.threads();
            idle.put(system.name(), Map.of("cores", cores, "jitCores", jit, "threads", threads));
            rows.add(List.of(system.name(), ResultTables.number(cores * 1000), ResultTables.number(jit * 1000),
                    String.valueOf(threads)));
            System.out.printf("%s idle: %.3f cores (JIT %.3f), %d threads%n", system.name(), cores, jit, threads);
        }
        markdown.append("## Idle, ").append(when).append("\n\nCPU of each JVM over 10 s with no applications, ")
                .append(quiet.toSeconds()).append(" s after ").append(when.substring(when.indexOf(' ') + 1))
                .append(" (milli-cores; of it the JIT compilers'), and its live threads at the end.\n\n")
                .append(MarkdownTable.render(List.of("system", "idle CPU m-cores", "of it JIT", "live threads"), rows))
                .append('\n');
        json.put("idle " + when, idle);
    }

    private void headline(SystemUnderTest hub, SystemUnderTest handWritten, SystemUnderTest statusQuo) throws Exception {
        List<RunResult> runs = new ArrayList<>();
        String latency = departments.sourceLatency.toString();
        Instant hubWindow = Instant.now().plus(options.warmup()); // the hub's open loop runs first
        for (SystemUnderTest system : List.of(hub, handWritten, statusQuo)) {
            runs.add(measurement.measure(system, "headline", HEADLINE, "open", options.rate(), true, options.warmup(), options.duration()));
        }
        String timeline = HubTimeline.markdown(db, "hub", hubWindow);
        for (SystemUnderTest system : List.of(hub, handWritten, statusQuo)) {
            runs.add(measurement.measure(system, "headline", HEADLINE, "closed", options.concurrency(), false, options.warmup(), options.duration()));
        }
        Departments.Latency before = departments.sourceLatency;
        departments.sourceLatency = new Departments.Latency(0, 0);
        departments.targetLatency = new Departments.Latency(0, 0);
        for (SystemUnderTest system : List.of(hub, handWritten)) {
            runs.add(measurement.measure(system, "zero latency", HEADLINE, "closed", options.concurrency(), false, options.warmup(), options.duration()));
        }
        departments.sourceLatency = before;
        departments.targetLatency = before;
        if (options.before() != null) {
            runs.addAll(headlineBefore());
        }
        section("Headline: " + HEADLINE + " (5 items, 3 distinct sources, each item needs 2), departments " + latency,
                "headline", runs);
        markdown.append("Open loop at ").append(options.rate()).append(" applications/s (moderate load), hub ÷ baseline:\n\n")
                .append(ResultTables.ratios(runs.get(0), List.of(runs.get(1), runs.get(2)))).append('\n')
                .append("Closed loop, ").append(options.concurrency()).append(" applications in flight (maximum), hub ÷ baseline:\n\n")
                .append(ResultTables.ratios(runs.get(3), List.of(runs.get(4), runs.get(5)))).append('\n')
                .append("Zero department latency, closed loop, hub ÷ hand-written:\n\n")
                .append(ResultTables.ratios(runs.get(6), List.of(runs.get(7)))).append('\n')
                .append("In the open loop: ").append(timeline);
        if (options.before() != null) {
            markdown.append("The version before (").append(options.before()).append(") ÷ hand-written, the same runs: open loop, "
                            + "closed loop, zero latency:\n\n")
                    .append(ResultTables.ratios(runs.get(8), List.of(runs.get(1)))).append('\n')
                    .append(ResultTables.ratios(runs.get(9), List.of(runs.get(4)))).append('\n')
                    .append(ResultTables.ratios(runs.get(10), List.of(runs.get(7)))).append('\n');
        }
    }

    /**
     * The headline's three hub runs again, on the earlier version named by --before: its own jar, routes and database,
     * the same departments and machine, in this run; it runs only for these, so its idle work skews nothing else.
     */
    private List<RunResult> headlineBefore() throws Exception {
        Path root = ConfigRoot.write(work.resolve("config-before"), options.before(), model(), departments.port());
        String database = db.createDatabase("hubbefore");
        try (HubJvm hub = HubJvm.start(options.before().resolve("target/hub.jar"), root, database,
                work.resolve("hub-before-data"), out.resolve("hub-before.log"), List.of(), List.of())) {
            SystemUnderTest before = new HttpIntake("hub (before)", hub.url(), applicants,
                    new Meters(hub.jvm(), hub::heapUsed, db, "hubbefore", hub::kafkaMessages));
            System.out.println("warming up hub (before) for " + options.jitWarmup().toSeconds() + " s");
            driver.closed(before, HEADLINE, 5, 16, options.jitWarmup(), Duration.ofSeconds(10));
            watch.reset();
            List<RunResult> runs = new ArrayList<>();
            runs.add(measurement.measure(before, "headline", HEADLINE, "open", options.rate(), true, options.warmup(), options.duration()));
            runs.add(measurement.measure(before, "headline", HEADLINE, "closed", options.concurrency(), false, options.warmup(), options.duration()));
            Departments.Latency latency = departments.sourceLatency;
            departments.sourceLatency = new Departments.Latency(0, 0);
            departments.targetLatency = new Departments.Latency(0, 0);
            runs.add(measurement.measure(before, "zero latency", HEADLINE, "closed", options.concurrency(), false, options.warmup(), options.duration()));
            departments.sourceLatency = latency;
            departments.targetLatency = latency;
            return runs;
        }
    }

    /**
     * Two hub instances on one PostgreSQL and one broker against one, closed loop: the second hub joins the first's
     * consumer group (its broker, its database), and channels reach both in turn.
     */
    private void scaleOut(HubJvm hub, SystemUnderTest one, String database) throws Exception {
        List<RunResult> runs = new ArrayList<>();
        runs.add(measurement.measure(one, "one instance", HEADLINE, "closed", options.concurrency(), false, options.warmup(), options.duration()));
        try (HubJvm second = HubJvm.start(Path.of("target", "hub.jar"), configRoot, database, work.resolve("hub-data-2"),
                out.resolve("hub-2.log"), List.of(), List.of("--hub.kafka.bootstrap-servers=" + hub.bootstrapServers()))) {
            SystemUnderTest secondHub = new HttpIntake("hub 2", second.url(), applicants, null);
            SystemUnderTest pair = new HubPair(one, secondHub, new Meters(List.of(hub.jvm(), second.jvm()),
                    () -> hub.heapUsed() + second.heapUsed(), db, "hub", hub::kafkaMessages));
            System.out.println("warming up the second hub for " + options.jitWarmup().toSeconds() + " s");
            driver.closed(pair, HEADLINE, 5, 16, options.jitWarmup(), Duration.ofSeconds(10));
            watch.reset();
            runs.add(measurement.measure(pair, "two instances", HEADLINE, "closed", options.concurrency(), false, options.warmup(), options.duration()));
        }
        section("Scale-out: two hub instances on one PostgreSQL and one broker, " + HEADLINE + ", closed loop", "scaleout", runs);
        markdown.append("Two instances ÷ one (CPU is both JVMs' together; on 2 cores shared with PostgreSQL, the broker and "
                        + "the bench, a second instance adds threads, not cores):\n\n")
                .append(ResultTables.ratios(runs.get(1), List.of(runs.get(0)))).append('\n');
    }

    private void soak(HubJvm hub, SystemUnderTest hubSystem) throws Exception {
        SoakRun.Result result = new SoakRun(driver).run(hub, hubSystem, HEADLINE, 5, options.rate(), options.soak());
        watch.reset();
        markdown.append("## Soak: ").append(HEADLINE).append(", open loop at ").append(options.rate()).append("/s for ")
                .append(options.soak().toSeconds()).append(" s\n\nThe hub's heap after a full GC one minute in and at the "
                        + "end: growth between the two would be a leak.\n\n").append(SoakRun.markdown(result)).append('\n');
        json.put("soak", SoakRun.json(result));
        Files.writeString(out.resolve("results.md"), markdown);
    }

    private void backlog(SystemUnderTest hubSystem) throws Exception {
        BacklogRun.Result result = new BacklogRun(departments, watch, db).run(hubSystem, HEADLINE, 5, options.backlog(),
                Duration.ofMinutes(20));
        markdown.append("## Backlog: ").append(result.applications()).append(" applications accepted while every target is "
                        + "down, then the targets come back\n\n").append(BacklogRun.markdown(result)).append('\n');
        json.put("backlog", BacklogRun.json(result));
        Files.writeString(out.resolve("results.md"), markdown);
    }

    private void curves(SystemUnderTest hub, SystemUnderTest handWritten, SystemUnderTest statusQuo) throws Exception {
        double rate = Math.min(options.rate(), 10);
        List<RunResult> items = new ArrayList<>();
        for (int n : new int[]{2, 4, 8, 16}) {
            items.add(measurement.measure(hub, "items=" + n, "bench-i" + n + "-s3", "open", rate, false, options.curveWarmup(), options.curveDuration()));
        }
        section("Items per bundle (3 distinct sources), open loop at " + rate + "/s", "items", items);
        List<RunResult> sources = new ArrayList<>();
        for (int n : new int[]{1, 2, 4, 8}) {
            for (SystemUnderTest system : List.of(hub, statusQuo)) {
                sources.add(measurement.measure(system, "sources=" + n, "bench-i8-s" + n, "open", rate, false, options.curveWarmup(), options.curveDuration()));
            }
        }
        section("Distinct sources per bundle (8 items), open loop at " + rate + "/s", "sources", sources);
        List<RunResult> latency = new ArrayList<>();
        Departments.Latency before = departments.sourceLatency;
        for (int ms : new int[]{0, 20, 100}) {
            departments.sourceLatency = new Departments.Latency(ms, ms / 4);
            departments.targetLatency = new Departments.Latency(ms, ms / 4);
            for (SystemUnderTest system : List.of(hub, handWritten, statusQuo)) {
                latency.add(measurement.measure(system, "latency=" + departments.sourceLatency, HEADLINE, "open", rate, false, options.curveWarmup(), options.curveDuration()));
            }
        }
        departments.sourceLatency = before;
        departments.targetLatency = before;
        section("Department latency (sources and targets alike), " + HEADLINE + ", open loop at " + rate + "/s", "latency", latency);
        List<RunResult> payload = new ArrayList<>();
        int payloadBefore = departments.payloadBytes;
        for (int kb : new int[]{1, 10, 100}) {
            departments.payloadBytes = kb * 1024;
            for (SystemUnderTest system : List.of(hub, handWritten)) {
                payload.add(measurement.measure(system, "payload=" + kb + "KB", HEADLINE, "open", rate, false, options.curveWarmup(), options.curveDuration()));
            }
        }
        departments.payloadBytes = payloadBefore;
        section("Payload per source answer, " + HEADLINE + ", open loop at " + rate + "/s", "payload", payload);
        List<RunResult> concurrency = new ArrayList<>();
        for (int c : options.quick() ? new int[]{4, 32} : new int[]{1, 4, 16, 64, 128}) {
            for (SystemUnderTest system : List.of(hub, handWritten)) {
                concurrency.add(measurement.measure(system, "in flight=" + c, HEADLINE, "closed", c, false, options.curveWarmup(), options.curveDuration()));
            }
        }
        section("Concurrency up to saturation, " + HEADLINE + ", closed loop", "concurrency", concurrency);
    }

    /** JFR on the hub at saturation (zero department latency, closed loop), summarised into profile.md. */
    private void profile(HubJvm hub, SystemUnderTest hubSystem) throws Exception {
        departments.sourceLatency = new Departments.Latency(0, 0);
        departments.targetLatency = new Departments.Latency(0, 0);
        Path recording = out.resolve("hub-saturated.jfr").toAbsolutePath();
        driver.closed(hubSystem, HEADLINE, 5, options.concurrency(), options.curveWarmup(), Duration.ofSeconds(10));
        watch.reset();
        System.out.println(hub.jvm().jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + recording));
        LoadDriver.Phase phase = driver.closed(hubSystem, HEADLINE, 5, options.concurrency(), options.duration(), Duration.ofSeconds(10));
        System.out.println(hub.jvm().jcmd("JFR.stop", "name=bench"));
        watch.reset();
        String summary = HotFrames.summarize(recording, 25);
        String text = "## Profile of the hub at saturation\n\nJFR (settings=profile) for " + options.duration().toSeconds()
                + " s, " + HEADLINE + ", zero department latency, " + options.concurrency() + " applications in flight: "
                + phase.completed() + " completed (" + String.format(java.util.Locale.ROOT, "%.1f", phase.completedInWindow() / phase.seconds())
                + "/s). Recording: target/bench/hub-saturated.jfr (`jfr summary`, `jfr print --events jdk.ExecutionSample`).\n\n" + summary;
        Files.writeString(out.resolve("profile.md"), text);
        markdown.append(text).append('\n');
        json.put("profile", Map.of("completed", phase.completed(), "recording", recording.toString()));
        departments.sourceLatency = new Departments.Latency(options.latencyMillis(), options.jitterMillis());
        departments.targetLatency = new Departments.Latency(options.latencyMillis(), options.jitterMillis());
    }

    private void section(String title, String key, List<RunResult> runs) throws IOException {
        markdown.append("## ").append(title).append("\n\n").append(ResultTables.runs(runs)).append('\n')
                .append("Load average at the end (other processes share the machine): ").append(Machine.loadAverage()).append(".\n\n");
        json.put(key, runs);
        Files.writeString(out.resolve("results.md"), markdown); // a partial report survives a later failure
    }
}
