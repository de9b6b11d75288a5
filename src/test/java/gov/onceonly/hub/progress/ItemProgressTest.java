package gov.onceonly.hub.progress;

import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.progress.ItemProgress.Current;
import gov.onceonly.hub.progress.ItemProgress.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static gov.onceonly.hub.application.ItemStatus.ACCEPTED;
import static gov.onceonly.hub.application.ItemStatus.DELIVERED;
import static gov.onceonly.hub.application.ItemStatus.DONE;
import static gov.onceonly.hub.application.ItemStatus.IN_PROGRESS;
import static gov.onceonly.hub.application.ItemStatus.NEEDS_MATERIALS;
import static gov.onceonly.hub.application.ItemStatus.PENDING;
import static gov.onceonly.hub.application.ItemStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemProgressTest {

    /** Every (item status, reported status) pair for a report seen for the first time, without details. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "DELIVERED,   ACCEPTED,    APPLY",
            "DELIVERED,   IN_PROGRESS, APPLY",
            "DELIVERED,   DONE,        APPLY",
            "DELIVERED,   REJECTED,    APPLY",
            "ACCEPTED,    ACCEPTED,    DUPLICATE",
            "ACCEPTED,    IN_PROGRESS, APPLY",
            "ACCEPTED,    DONE,        APPLY",
            "ACCEPTED,    REJECTED,    APPLY",
            "IN_PROGRESS, ACCEPTED,    STALE",
            "IN_PROGRESS, IN_PROGRESS, DUPLICATE",
            "IN_PROGRESS, DONE,        APPLY",
            "IN_PROGRESS, REJECTED,    APPLY",
            "DONE,        ACCEPTED,    STALE",
            "DONE,        IN_PROGRESS, STALE",
            "DONE,        DONE,        DUPLICATE",
            "DONE,        REJECTED,    CONFLICT",
            "REJECTED,    ACCEPTED,    STALE",
            "REJECTED,    IN_PROGRESS, STALE",
            "REJECTED,    REJECTED,    DUPLICATE",
            "REJECTED,    DONE,        CONFLICT",
            "PENDING,     ACCEPTED,    APPLY",
            "PENDING,     DONE,        APPLY",
            "PARKED,      ACCEPTED,    APPLY",
            "PARKED,      REJECTED,    APPLY",
            "NEEDS_MATERIALS, REJECTED, NOT_DELIVERED"})
    void progressOnlyMovesForward(ItemStatus current, ItemStatus reported, Verdict expected) {
        assertThat(decide(current, reported, false).verdict()).isEqualTo(expected);
    }

    /** A withdrawal: the department confirms it, or its decision made first stands; WITHDRAWN answers a notice only. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "WITHDRAWING, WITHDRAWN,   APPLY",
            "WITHDRAWING, DONE,        APPLY",
            "WITHDRAWING, REJECTED,    APPLY",
            "WITHDRAWING, ACCEPTED,    STALE",
            "WITHDRAWING, IN_PROGRESS, STALE",
            "WITHDRAWN,   WITHDRAWN,   DUPLICATE",
            "WITHDRAWN,   DONE,        CONFLICT",
            "WITHDRAWN,   ACCEPTED,    CONFLICT",
            "DELIVERED,   WITHDRAWN,   CONFLICT",
            "DONE,        WITHDRAWN,   CONFLICT",
            "CANCELLED,   WITHDRAWN,   NOT_DELIVERED",
            "CANCELLED,   DONE,        NOT_DELIVERED"})
    void aWithdrawalIsAnsweredOnceAndNeverOverADecision(ItemStatus current, ItemStatus reported, Verdict expected) {
        assertThat(decide(current, reported, false).verdict()).isEqualTo(expected);
    }

    @Test
    void aReportSeenBeforeIsADuplicateNotAStaleOne() {
        assertThat(decide(DONE, ACCEPTED, true).verdict()).as("a redelivered ACCEPTED after DONE").isEqualTo(Verdict.DUPLICATE);
        assertThat(decide(ACCEPTED, IN_PROGRESS, true).verdict()).as("an event id used again").isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void aRepeatedDecisionMayLeaveDetailsOutButNotChangeThem() {
        Current done = new Current(DONE, "准予发证", "Q500000001", null);
        assertThat(ItemProgress.decide(done, DONE, null, null, null, false).verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(ItemProgress.decide(done, DONE, "准予发证", "Q500000001", null, false).verdict()).isEqualTo(Verdict.DUPLICATE);
        assertThat(ItemProgress.decide(done, DONE, null, "Q500000002", null, false).verdict()).isEqualTo(Verdict.CONFLICT);
        Current rejected = new Current(REJECTED, null, null, "材料不全");
        assertThat(ItemProgress.decide(rejected, REJECTED, null, null, "另一理由", false).verdict()).isEqualTo(Verdict.CONFLICT);
    }

    @Test
    void theReasonSaysWhatHappened() {
        assertThat(decide(DONE, IN_PROGRESS, false).why()).contains("DONE").contains("backwards");
        assertThat(decide(DONE, REJECTED, false).why()).contains("already decided").contains("DONE");
        assertThat(decide(NEEDS_MATERIALS, ACCEPTED, false).why()).contains("has not delivered");
        assertThat(decide(PENDING, ACCEPTED, false).why()).isEqualTo("DELIVERED -> ACCEPTED");
    }

    @Test
    void aReportProvesTheDeliveryOfAnItemSentButNotRecordedDelivered() {
        assertThat(ItemProgress.provesDelivery(PENDING)).isTrue();
        assertThat(ItemProgress.provesDelivery(ItemStatus.PARKED)).isTrue();
        assertThat(ItemProgress.provesDelivery(NEEDS_MATERIALS)).as("never sent").isFalse();
        assertThat(ItemProgress.provesDelivery(DELIVERED)).isFalse();
    }

    @Test
    void onlyDepartmentStatusesCanBeReported() {
        assertThatThrownBy(() -> decide(DELIVERED, DELIVERED, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decide(DELIVERED, PENDING, false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ItemProgress.Decision decide(ItemStatus current, ItemStatus reported, boolean seenBefore) {
        return ItemProgress.decide(new Current(current, null, null, null), reported, null, null, null, seenBefore);
    }
}
