package gov.onceonly.hub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backlog after an outage: every target answers 503 while N applications are accepted (as fast as the hub takes
 * them, 32 in flight), then the targets come back. Measures how long the hub takes to deliver every item after the
 * targets return, the heap at its peak, and the CPU it spent. What is delivered while the targets are down is
 * nothing: the figures are the hub's retry machinery.
 */
final class BacklogRun {

    /** What the run measured. */
    record Result(int applications, long accepted, double acceptSeconds, double outageSeconds, long completed,
                  double drainSeconds, double cpuSeconds, long peakHeapBytes, long parked, String firstError) {
    }

    private static final int IN_FLIGHT = 32;

    private final Departments departments;
    private final DeliveryWatch watch;
    private final BenchDatabase db;

    BacklogRun(Departments departments, DeliveryWatch watch, BenchDatabase db) {
        this.departments = departments;
        this.watch = watch;
        this.db = db;
    }

    Result run(SystemUnderTest hub, String bundle, int items, int applications, Duration patience) throws Exception {
        Meters meters = hub.meters();
        watch.reset();
        meters.startHeapSampling();
        double cpuBefore = meters.snapshot().cpuSeconds();
        departments.targetsDown = true;
        long start = System.nanoTime();
        List<CompletableFuture<Long>> deliveries = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        for (int i = 0; i < applications; i++) {
            inFlight.acquire();
            hub.submit(bundle).whenComplete((id, error) -> {
                if (error == null) {
                    accepted.incrementAndGet();
                    synchronized (deliveries) {
                        deliveries.add(watch.expect(id, items));
                    }
                } else {
                    firstError.compareAndSet(null, String.valueOf(error));
                }
                inFlight.release();
            });
        }
        inFlight.acquire(IN_FLIGHT);
        double acceptSeconds = (System.nanoTime() - start) / 1e9;
        // Until the hub has collected every application (its first push failed), and 10 s more: a real outage lasts.
        long collectedBy = System.nanoTime() + patience.toNanos();
        while (waitingToBeCollected() > 0 && System.nanoTime() < collectedBy) {
            Thread.sleep(500);
        }
        Thread.sleep(10_000);
        long back = System.nanoTime();
        departments.targetsDown = false;
        long deadline = back + patience.toNanos();
        long last = back;
        long completed = 0;
        for (CompletableFuture<Long> delivery : deliveries) {
            try {
                last = Math.max(last, delivery.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                completed++;
            } catch (java.util.concurrent.TimeoutException late) {
                break;
            }
        }
        long peak = meters.stopHeapSampling();
        double cpu = meters.snapshot().cpuSeconds() - cpuBefore;
        watch.reset();
        return new Result(applications, accepted.get(), acceptSeconds, (back - start) / 1e9, completed,
                (last - back) / 1e9, cpu, peak, parked(), firstError.get());
    }

    private long waitingToBeCollected() throws java.sql.SQLException {
        return count("select count(*) from application where status in ('RECEIVED', 'WAITING_FOR_SOURCES')");
    }

    private long parked() throws java.sql.SQLException {
        return count("select count(*) from application_item where status = 'PARKED'");
    }

    private long count(String sql) throws java.sql.SQLException {
        try (var c = db.connect("hub"); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String markdown(Result r) {
        List<List<String>> rows = List.of(List.of(String.valueOf(r.applications()), String.valueOf(r.accepted()),
                ResultTables.number(r.acceptSeconds()), ResultTables.number(r.outageSeconds()),
                String.valueOf(r.completed()), ResultTables.number(r.drainSeconds()),
                ResultTables.number(r.cpuSeconds() * 1000 / Math.max(1, r.completed())),
                ResultTables.number(r.peakHeapBytes() / 1048576.0), String.valueOf(r.parked())));
        return MarkdownTable.render(List.of("applications", "accepted", "accepted in s", "targets down s", "completed",
                "drained in s after the targets came back", "CPU ms/app", "peak heap MB", "items parked"), rows)
                + (r.firstError() == null ? "" : "\nFirst intake error: " + r.firstError() + "\n");
    }

    static Map<String, Object> json(Result r) {
        return Map.of("applications", r.applications(), "accepted", r.accepted(), "acceptSeconds", r.acceptSeconds(),
                "outageSeconds", r.outageSeconds(), "completed", r.completed(), "drainSeconds", r.drainSeconds(),
                "cpuSeconds", r.cpuSeconds(), "peakHeapBytes", r.peakHeapBytes(), "parked", r.parked());
    }
}
