package gov.onceonly.hub.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Latencies of one run, in microseconds, in an HdrHistogram. Open-loop callers pass the time a request was
 * <em>meant</em> to start, not when it was sent: a stall then shows in every request that waited behind it
 * instead of being hidden by a load generator that slowed down with the system (coordinated omission).
 */
public final class LatencyRecorder {

    /** Anything slower than this is recorded as this; a benchmark of a pipeline that takes minutes is already lost. */
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

    /** Records the time from the intended start to the end, both from {@link System#nanoTime()}. */
    public void record(long intendedStartNanos, long endNanos) {
        recordMicros(Math.max(0, (endNanos - intendedStartNanos) / 1_000));
    }

    public void recordMicros(long micros) {
        histogram.recordValue(Math.min(micros, MAX_MICROS));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public LatencySummary summary() {
        if (histogram.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(99)), millis(histogram.getValueAtPercentile(99.9)),
                millis(histogram.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
