package gov.onceonly.hub.pipeline;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an application's department calls side by side on the pipeline's workers. The calling thread (itself a worker)
 * runs the first call, then every call no worker has started yet, and only then waits: it never waits for work stuck
 * in the queue behind other applications, so a bounded pool cannot deadlock on its own forks, and a busy pool
 * degrades to one application's calls in a row instead of stalling. The caller's span and log context go along, so
 * that each call is a span of the caller's trace and logs under it.
 */
public final class ParallelWork {

    /** What one task gave: its value, or why it has none (its exception, or a {@link TimeoutException}). */
    public record Outcome<T>(T value, Exception failure) {

        public boolean succeeded() {
            return failure == null;
        }
    }

    private final Executor workers;
    private final CurrentTraceContext traces;

    public ParallelWork(Executor workers) {
        this(workers, CurrentTraceContext.NOOP);
    }

    public ParallelWork(Executor workers, CurrentTraceContext traces) {
        this.workers = workers;
        this.traces = traces;
    }

    /**
     * Every task's outcome, in the order given. A task not finished {@code timeoutNanos} after the call (0: no
     * limit) counts as timed out; one not started by then is not started at all.
     */
    public <T> List<Outcome<T>> all(List<Callable<T>> tasks, long timeoutNanos) {
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : Long.MAX_VALUE;
        Map<String, String> context = MDC.getCopyOfContextMap();
        TraceContext span = traces.context();
        List<FutureTask<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(new FutureTask<>(inSpan(span, withContext(context, task))));
        }
        for (int i = 1; i < futures.size(); i++) {
            try {
                workers.execute(futures.get(i));
            } catch (RejectedExecutionException shuttingDown) {
                // run below, on this thread
            }
        }
        for (FutureTask<T> future : futures) {
            if (System.nanoTime() >= deadline) {
                future.cancel(false); // not started by now: it will not be
            } else {
                future.run(); // nothing if a worker has started it
            }
        }
        List<Outcome<T>> outcomes = new ArrayList<>(futures.size());
        for (FutureTask<T> future : futures) {
            outcomes.add(outcome(future, deadline));
        }
        return outcomes;
    }

    private static <T> Outcome<T> outcome(FutureTask<T> future, long deadline) {
        try {
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - System.nanoTime());
            return new Outcome<>(future.get(left, TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException | CancellationException late) {
            future.cancel(true);
            return new Outcome<>(null, new TimeoutException("no answer before the deadline"));
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Outcome<>(null, e);
        }
    }

    /** On a worker, in the caller's span; on the caller's own thread, where it is current already, as it is. */
    private <T> Callable<T> inSpan(TraceContext span, Callable<T> task) {
        if (span == null) {
            return task;
        }
        return () -> {
            try (CurrentTraceContext.Scope scope = traces.maybeScope(span)) {
                return task.call();
            }
        };
    }

    private static <T> Callable<T> withContext(Map<String, String> context, Callable<T> task) {
        if (context == null) {
            return task;
        }
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            MDC.setContextMap(context);
            try {
                return task.call();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        };
    }
}
