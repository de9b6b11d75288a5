package gov.onceonly.hub.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Startup time and heap against the number of bundles loaded (generated: 5 items, 3 sources each). Each size starts
 * twice: on a new database and data folder (Flyway migrates, the broker formats its log), and again on the same ones,
 * as a restarted hub does; the heap is the used heap after a full GC once ready.
 */
final class StartupRun {

    /** One size: the first start, the restart, and the heap. */
    record Result(int bundles, double firstSeconds, double restartSeconds, long heapAfterGcBytes) {
    }

    private final Path work;
    private final Path out;
    private final BenchDatabase db;
    private final int departmentsPort;

    StartupRun(Path work, Path out, BenchDatabase db, int departmentsPort) {
        this.work = work;
        this.out = out;
        this.db = db;
        this.departmentsPort = departmentsPort;
    }

    List<Result> run(int... sizes) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            List<BenchModel.Bundle> bundles = new ArrayList<>();
            for (int b = 1; b <= n; b++) {
                bundles.add(BenchModel.bundle("bench-gen-" + b, 5, 3));
            }
            Path root = ConfigRoot.write(work.resolve("config-" + n), Path.of("."), new BenchModel(bundles), departmentsPort);
            String url = db.createDatabase("startup" + n);
            Path data = work.resolve("hub-data-" + n);
            double first;
            try (HubJvm hub = HubJvm.start(Path.of("target", "hub.jar"), root, url, data,
                    out.resolve("hub-startup-" + n + ".log"), List.of(), List.of())) {
                first = hub.startup().toMillis() / 1000.0;
            }
            try (HubJvm hub = HubJvm.start(Path.of("target", "hub.jar"), root, url, data,
                    out.resolve("hub-restart-" + n + ".log"), List.of(), List.of())) {
                hub.jvm().jcmd("GC.run");
                Thread.sleep(500);
                Result result = new Result(n, first, hub.startup().toMillis() / 1000.0, hub.heapUsed());
                results.add(result);
                System.out.printf("startup with %d bundles: %.1f s first, %.1f s again, heap after GC %.0f MB%n", n,
                        result.firstSeconds(), result.restartSeconds(), result.heapAfterGcBytes() / 1048576.0);
            }
        }
        return results;
    }

    static String markdown(List<Result> results) {
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(String.valueOf(r.bundles()), ResultTables.number(r.firstSeconds()),
                    ResultTables.number(r.restartSeconds()), ResultTables.number(r.heapAfterGcBytes() / 1048576.0)));
        }
        return "## Bundles loaded: startup time and heap\n\nStartup is from `java -jar` to readiness UP (PostgreSQL "
                + "migrated, Kafka topics created, routes started), first on a new database and data folder, then again on "
                + "the same ones; heap is used heap after a full GC.\n\n"
                + MarkdownTable.render(List.of("bundles", "first start s", "restart s", "heap after GC MB"), rows) + '\n';
    }

    static List<Map<String, Object>> json(List<Result> results) {
        return results.stream().map(r -> Map.<String, Object>of("bundles", r.bundles(), "firstStartSeconds",
                r.firstSeconds(), "restartSeconds", r.restartSeconds(), "heapAfterGcBytes", r.heapAfterGcBytes())).toList();
    }
}
