package gov.onceonly.hub.pipeline;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionProgressTest {

    @Test
    void nothingIsCommittedBeforeARecordIsDone() {
        PartitionProgress progress = new PartitionProgress();
        progress.started(10);
        progress.started(11);
        assertThat(progress.toCommit()).isEmpty();
        assertThat(progress.inFlight()).isEqualTo(2);
    }

    @Test
    void theOffsetStopsAtTheFirstRecordNotDone() {
        PartitionProgress progress = new PartitionProgress();
        for (long offset = 10; offset <= 13; offset++) {
            progress.started(offset);
        }
        progress.done(11);
        progress.done(13);
        assertThat(progress.toCommit()).as("10 is not done: a restart must read it again").isEmpty();
        progress.done(10);
        assertThat(progress.toCommit()).isEqualTo(OptionalLong.of(12));
        progress.committed(12);
        assertThat(progress.toCommit()).isEmpty();
        progress.done(12);
        assertThat(progress.toCommit()).isEqualTo(OptionalLong.of(14));
        assertThat(progress.inFlight()).isZero();
    }

    @Test
    void aGapInOffsetsDoesNotHoldTheCommitBack() {
        PartitionProgress progress = new PartitionProgress();
        progress.started(5);
        progress.done(5);
        progress.committed(6);
        progress.started(9); // 6 to 8 were transaction markers or compacted away
        assertThat(progress.toCommit()).isEmpty();
        progress.done(9);
        assertThat(progress.toCommit()).isEqualTo(OptionalLong.of(10));
    }

    @Test
    void anOlderCommitConfirmedLateDoesNotMoveTheMarkBack() {
        PartitionProgress progress = new PartitionProgress();
        progress.started(1);
        progress.started(2);
        progress.done(1);
        progress.done(2);
        progress.committed(3);
        progress.committed(2);
        assertThat(progress.toCommit()).isEmpty();
    }
}
