package gov.onceonly.hub.bench;

import java.time.Duration;
import java.util.List;

/**
 * One measured run of one system: a warm-up of the same load, then the measured window with the system's meters read
 * before and after, then the drain; a run with errors leaves a note for the report.
 */
final class Measurement {

    private final Departments departments;
    private final DeliveryWatch watch;
    private final LoadDriver driver;
    private final List<String> notes;

    Measurement(Departments departments, DeliveryWatch watch, LoadDriver driver, List<String> notes) {
        this.departments = departments;
        this.watch = watch;
        this.driver = driver;
        this.notes = notes;
    }

    /**
     * One measured run: a warm-up of the same load, then the window. With {@code exactRows} the run waits for
     * PostgreSQL's statistics to settle before and after, so rows per application are exact.
     */
    RunResult measure(SystemUnderTest system, String scenario, String bundle, String mode, double load,
                      boolean exactRows, Duration warmup, Duration duration) throws Exception {
        int items = Bench.model().find(bundle).items().size();
        Duration drain = Duration.ofSeconds(30);
        if (warmup.toMillis() > 0) {
            run(system, bundle, items, mode, load, warmup, Duration.ofSeconds(10));
        }
        watch.reset();
        Meters meters = system.meters();
        if (exactRows && meters != null) {
            Thread.sleep(BenchDatabase.STATS_SETTLE_MILLIS);
        }
        Meters.Snapshot before = meters == null ? null : meters.snapshot();
        long callsBefore = departments.sourceCalls();
        if (meters != null) {
            meters.startHeapSampling();
        }
        LoadDriver.Phase phase = run(system, bundle, items, mode, load, duration, drain);
        long peak = meters == null ? 0 : meters.stopHeapSampling();
        if (exactRows && meters != null) {
            Thread.sleep(BenchDatabase.STATS_SETTLE_MILLIS);
        }
        Meters.Snapshot after = meters == null ? null : meters.snapshot();
        watch.reset();
        double completed = Math.max(1, phase.completed());
        double cpu = meters == null ? Double.NaN : (after.cpuSeconds() - before.cpuSeconds()) / completed;
        double jit = meters == null ? Double.NaN : (after.jitCpuSeconds() - before.jitCpuSeconds()) / completed;
        double rows = meters == null ? Double.NaN : (after.rows() - before.rows()) / completed;
        if (!exactRows) {
            rows = Double.NaN; // pg_stat_user_tables lags by up to 10 s: without waiting, the delta would be wrong
        }
        double kafka = meters == null || after.kafkaMessages() < 0 ? Double.NaN
                : (after.kafkaMessages() - before.kafkaMessages()) / completed;
        RunResult result = new RunResult(system.name(), scenario, mode, load, phase.seconds(), phase.submitted(),
                phase.accepted(), phase.completed(), phase.errors() + phase.incomplete(),
                phase.acceptedInWindow() / phase.seconds(), phase.completedInWindow() / phase.seconds(),
                system.hasIntake() ? phase.intake().summary() : LatencySummary.EMPTY, phase.completion().summary(),
                cpu, jit, peak, rows, kafka, (departments.sourceCalls() - callsBefore) / completed);
        System.out.print(ResultTables.runs(List.of(result)).lines().skip(2).findFirst().orElse("") + "\n");
        if (phase.errors() + phase.incomplete() > 0) {
            notes.add(system.name() + " " + scenario + " " + mode + " " + load + ": " + phase.errors() + " errors, "
                    + phase.incomplete() + " not complete after the drain" + (phase.firstError() == null ? "" : "; first: " + phase.firstError()));
        }
        return result;
    }

    private LoadDriver.Phase run(SystemUnderTest system, String bundle, int items, String mode, double load,
                                 Duration duration, Duration drain) throws InterruptedException {
        return mode.equals("open") ? driver.open(system, bundle, items, load, duration, drain)
                : driver.closed(system, bundle, items, (int) load, duration, drain);
    }
}
