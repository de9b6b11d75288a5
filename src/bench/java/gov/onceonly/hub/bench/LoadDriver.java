package gov.onceonly.hub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a system under test. Open loop: applications arrive at a fixed rate whatever the system does, and every
 * latency is measured from the moment the application was due (no coordinated omission). Closed loop: a fixed
 * number of applicants each submit, wait until every item is delivered, and submit again; the system's maximum
 * shows as the completion rate once more applicants no longer raise it.
 */
final class LoadDriver {

    /** What one phase measured. Rates count what finished inside the window; latencies include the drain. */
    record Phase(double seconds, long submitted, long accepted, long completed, long acceptedInWindow,
                 long completedInWindow, long errors, long incomplete, LatencyRecorder intake, LatencyRecorder completion,
                 String firstError) {
    }

    private final DeliveryWatch watch;

    LoadDriver(DeliveryWatch watch) {
        this.watch = watch;
    }

    private static final class Counters {
        final LongAdder submitted = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder completed = new LongAdder();
        final LongAdder acceptedInWindow = new LongAdder();
        final LongAdder completedInWindow = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder pending = new LongAdder();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final LatencyRecorder intake = new LatencyRecorder();
        final LatencyRecorder completion = new LatencyRecorder();

        void error(Throwable e) {
            errors.increment();
            Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
            firstError.compareAndSet(null, String.valueOf(cause));
        }

        Phase phase(Duration duration, long incomplete) {
            return new Phase(duration.toNanos() / 1e9, submitted.sum(), accepted.sum(), completed.sum(), acceptedInWindow.sum(),
                    completedInWindow.sum(), errors.sum(), incomplete, intake, completion, firstError.get());
        }
    }

    Phase open(SystemUnderTest system, String bundle, int items, double rate, Duration duration, Duration drain)
            throws InterruptedException {
        Counters c = new Counters();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long end = start + duration.toNanos();
        for (long i = 0; ; i++) {
            long intended = start + i * period;
            if (intended >= end) {
                break;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            c.submitted.increment();
            c.pending.increment();
            system.submit(bundle).whenComplete((id, error) -> {
                long now = System.nanoTime();
                if (error != null) {
                    c.error(error);
                    c.pending.decrement();
                    return;
                }
                if (system.hasIntake()) {
                    c.intake.record(intended, now);
                }
                c.accepted.increment();
                if (now <= end) {
                    c.acceptedInWindow.increment();
                }
                watch.expect(id, items).whenComplete((delivered, e) -> {
                    c.completion.record(intended, delivered);
                    c.completed.increment();
                    if (delivered <= end) {
                        c.completedInWindow.increment();
                    }
                    c.pending.decrement();
                });
            });
        }
        long deadline = end + drain.toNanos();
        while (c.pending.sum() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return c.phase(duration, c.pending.sum());
    }

    Phase closed(SystemUnderTest system, String bundle, int items, int concurrency, Duration duration, Duration drain)
            throws InterruptedException {
        Counters c = new Counters();
        long end = System.nanoTime() + duration.toNanos();
        long deadline = end + drain.toNanos();
        List<Thread> applicants = new ArrayList<>();
        LongAdder incomplete = new LongAdder();
        for (int n = 0; n < concurrency; n++) {
            Thread applicant = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    c.submitted.increment();
                    String id;
                    try {
                        id = system.submit(bundle).get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException | TimeoutException e) {
                        c.error(e instanceof ExecutionException ? e.getCause() : e);
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                        continue;
                    } catch (InterruptedException e) {
                        return;
                    }
                    long accepted = System.nanoTime();
                    if (system.hasIntake()) {
                        c.intake.record(start, accepted);
                    }
                    c.accepted.increment();
                    if (accepted <= end) {
                        c.acceptedInWindow.increment();
                    }
                    try {
                        long delivered = watch.expect(id, items).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        c.completion.record(start, delivered);
                        c.completed.increment();
                        if (delivered <= end) {
                            c.completedInWindow.increment();
                        }
                    } catch (TimeoutException e) {
                        incomplete.increment();
                        return;
                    } catch (ExecutionException e) {
                        c.error(e.getCause());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "applicant-" + n);
            applicant.setDaemon(true);
            applicant.start();
            applicants.add(applicant);
        }
        for (Thread applicant : applicants) {
            applicant.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1000));
        }
        return c.phase(duration, incomplete.sum());
    }
}
