package gov.onceonly.hub.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyRecorderTest {

    @Test
    void percentilesOfAKnownSpread() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int ms = 1; ms <= 1000; ms++) {
            recorder.recordMicros(ms * 1000L);
        }
        LatencySummary summary = recorder.summary();
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isCloseTo(500, within(1.0));
        assertThat(summary.p99()).isCloseTo(990, within(1.0));
        assertThat(summary.p999()).isCloseTo(999, within(1.0));
        assertThat(summary.max()).isCloseTo(1000, within(1.0));
    }

    @Test
    void measuresFromTheIntendedStartSoThatAStallCountsForEveryRequestBehindIt() {
        LatencyRecorder recorder = new LatencyRecorder();
        long start = 1_000_000_000L;
        // Ten requests meant 10 ms apart all finish at once 100 ms after the first was due: a stall of the system.
        for (int i = 0; i < 10; i++) {
            recorder.record(start + i * 10_000_000L, start + 100_000_000L);
        }
        assertThat(recorder.summary().max()).isCloseTo(100, within(0.1));
        assertThat(recorder.summary().p50()).isCloseTo(50, within(0.1));
    }

    @Test
    void anEmptyRecorderHasNoPercentiles() {
        assertThat(new LatencyRecorder().summary()).isEqualTo(LatencySummary.EMPTY);
        assertThat(ResultTables.percentiles(LatencySummary.EMPTY)).isEqualTo("–");
    }

    @Test
    void aClockThatGoesBackwardsIsNoNegativeLatency() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(2_000_000L, 1_000_000L);
        assertThat(recorder.summary().max()).isZero();
    }
}
