package gov.onceonly.hub.pipeline;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ParallelWorkTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void outcomesComeInTheOrderOfTheTasksWithEachFailureKept() {
        List<ParallelWork.Outcome<String>> outcomes = new ParallelWork(workers).all(List.of(
                () -> "a", () -> { throw new IOException("down"); }, () -> "c"), 0);
        assertThat(outcomes).extracting(ParallelWork.Outcome::value).containsExactly("a", null, "c");
        assertThat(outcomes.get(1).succeeded()).isFalse();
        assertThat(outcomes.get(1).failure()).isInstanceOf(IOException.class).hasMessage("down");
    }

    @Test
    void tasksRunSideBySide() {
        CountDownLatch allStarted = new CountDownLatch(3);
        Callable<Boolean> meeting = () -> {
            allStarted.countDown();
            return allStarted.await(5, TimeUnit.SECONDS); // only true if the three run at once
        };
        List<ParallelWork.Outcome<Boolean>> outcomes = new ParallelWork(workers).all(List.of(meeting, meeting, meeting), 0);
        assertThat(outcomes).extracting(ParallelWork.Outcome::value).containsOnly(true);
    }

    @Test
    void aCallerWhoseWorkersAreAllBusyRunsItsTasksItselfInsteadOfWaiting() throws Exception {
        // The only worker is taken for the whole test: forked tasks would wait behind it forever.
        ExecutorService one = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        one.submit(() -> {
            release.await();
            return null;
        });
        try {
            AtomicInteger ran = new AtomicInteger();
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tasks.add(ran::incrementAndGet);
            }
            List<ParallelWork.Outcome<Integer>> outcomes = new ParallelWork(one).all(tasks, Duration.ofSeconds(5).toNanos());
            assertThat(outcomes).allMatch(ParallelWork.Outcome::succeeded);
            assertThat(ran).hasValue(5);
        } finally {
            release.countDown();
            one.shutdownNow();
        }
    }

    @Test
    void aTaskPastTheDeadlineTimesOutAndTheOthersKeepTheirAnswers() {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        List<ParallelWork.Outcome<String>> outcomes = new ParallelWork(workers).all(List.of(
                () -> {
                    slowStarted.await(); // so that a worker, not this thread, runs the slow one
                    return "quick";
                }, () -> {
                    slowStarted.countDown();
                    never.await();
                    return "late";
                }), Duration.ofMillis(200).toNanos());
        assertThat(outcomes.get(0).value()).isEqualTo("quick");
        assertThat(outcomes.get(1).failure()).isInstanceOf(TimeoutException.class)
                .hasMessage("no answer before the deadline");
    }

    @Test
    void theLogContextGoesAlongToTheWorkers() {
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        try {
            List<ParallelWork.Outcome<String>> outcomes = new ParallelWork(workers).all(List.of(
                    () -> MDC.get("traceId"), () -> MDC.get("traceId")), 0);
            assertThat(outcomes).extracting(ParallelWork.Outcome::value).containsOnly("4bf92f3577b34da6a3ce929d0e0e4736");
        } finally {
            MDC.remove("traceId");
        }
    }

    @Test
    void theCallersSpanGoesAlongToTheWorkers() {
        OtelCurrentTraceContext context = new OtelCurrentTraceContext();
        Tracer tracer = new OtelTracer(SdkTracerProvider.builder().build().get("test"), context, event -> {
        });
        Span stage = tracer.nextSpan().name("collect").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(stage)) {
            CountDownLatch bothStarted = new CountDownLatch(2);
            Callable<String> call = () -> {
                bothStarted.countDown();
                bothStarted.await(5, TimeUnit.SECONDS); // so that a worker, not only this thread, runs one
                return Thread.currentThread().getName() + " " + tracer.currentSpan().context().spanId();
            };
            List<ParallelWork.Outcome<String>> outcomes = new ParallelWork(workers, tracer.currentTraceContext())
                    .all(List.of(call, call), 0);
            assertThat(outcomes).extracting(o -> o.value().split(" ")[1]).containsOnly(stage.context().spanId());
            assertThat(outcomes).extracting(o -> o.value().split(" ")[0]).doesNotHaveDuplicates();
        } finally {
            stage.end();
        }
        assertThat(tracer.currentSpan()).as("nothing is left in scope").isNull();
    }
}
