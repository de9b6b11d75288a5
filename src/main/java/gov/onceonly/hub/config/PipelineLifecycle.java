package gov.onceonly.hub.config;

import gov.onceonly.hub.pipeline.PipelineConsumer;
import org.springframework.context.SmartLifecycle;

import java.util.function.Supplier;

/**
 * Runs the pipeline consumer between Camel's start and stop: started by PipelineConfiguration's connector routes once
 * Camel has started, and stopped (draining what is in flight) in a lifecycle phase before Camel's own, so that no
 * application loses its department routes halfway.
 */
final class PipelineLifecycle implements SmartLifecycle {

    private final Supplier<PipelineConsumer> consumers;
    private volatile PipelineConsumer running;

    PipelineLifecycle(Supplier<PipelineConsumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = consumers.get().start();
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Not at the context's refresh: Camel starts after it. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** After the web server's graceful shutdown (no new applications), before Camel stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1500;
    }

    int inFlight() {
        PipelineConsumer consumer = running;
        return consumer == null ? 0 : consumer.inFlight();
    }
}
