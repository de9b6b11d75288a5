package gov.onceonly.hub.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A long run at the headline's open-loop rate: the heap after a full GC one minute in and at the end (a leak shows as
 * growth between them), the peak heap, and the latencies over the whole run.
 */
final class SoakRun {

    /** What the run measured. */
    record Result(double seconds, double rate, LoadDriver.Phase phase, long heapAfterOneMinute, long heapAtEnd,
                  long peakHeapBytes, double cpuMsPerApplication) {
    }

    private final LoadDriver driver;

    SoakRun(LoadDriver driver) {
        this.driver = driver;
    }

    Result run(HubJvm hub, SystemUnderTest system, String bundle, int items, double rate, Duration duration)
            throws Exception {
        Meters meters = system.meters();
        meters.startHeapSampling();
        double cpuBefore = meters.snapshot().cpuSeconds();
        long[] heapAfterOneMinute = {-1};
        Thread sampler = new Thread(() -> {
            try {
                Thread.sleep(Math.min(60_000, duration.toMillis() / 2));
                heapAfterOneMinute[0] = heapAfterGc(hub);
            } catch (Exception ignored) {
                // no early figure: the report says so
            }
        }, "soak-heap");
        sampler.start();
        LoadDriver.Phase phase = driver.open(system, bundle, items, rate, duration, Duration.ofSeconds(30));
        sampler.join();
        long heapAtEnd = heapAfterGc(hub);
        long peak = meters.stopHeapSampling();
        double cpu = (meters.snapshot().cpuSeconds() - cpuBefore) * 1000 / Math.max(1, phase.completed());
        return new Result(duration.toSeconds(), rate, phase, heapAfterOneMinute[0], heapAtEnd, peak, cpu);
    }

    private static long heapAfterGc(HubJvm hub) throws Exception {
        hub.jvm().jcmd("GC.run");
        Thread.sleep(500);
        return hub.heapUsed();
    }

    static String markdown(Result r) {
        double mb = 1048576.0;
        return MarkdownTable.render(List.of("seconds", "rate/s", "completed", "errors", "completion p50/p99/p99.9 ms",
                "CPU ms/app", "heap after GC at 1 min MB", "heap after GC at the end MB", "peak heap MB"),
                List.of(List.of(ResultTables.number(r.seconds()), ResultTables.number(r.rate()),
                        String.valueOf(r.phase().completed()), String.valueOf(r.phase().errors() + r.phase().incomplete()),
                        ResultTables.percentiles(r.phase().completion().summary()), ResultTables.number(r.cpuMsPerApplication()),
                        r.heapAfterOneMinute() < 0 ? "–" : ResultTables.number(r.heapAfterOneMinute() / mb),
                        ResultTables.number(r.heapAtEnd() / mb), ResultTables.number(r.peakHeapBytes() / mb))));
    }

    static Map<String, Object> json(Result r) {
        return Map.of("seconds", r.seconds(), "rate", r.rate(), "completed", r.phase().completed(),
                "errors", r.phase().errors() + r.phase().incomplete(), "completion", r.phase().completion().summary(),
                "cpuMsPerApplication", r.cpuMsPerApplication(), "heapAfterGcAtOneMinute", r.heapAfterOneMinute(),
                "heapAfterGcAtEnd", r.heapAtEnd(), "peakHeapBytes", r.peakHeapBytes());
    }
}
