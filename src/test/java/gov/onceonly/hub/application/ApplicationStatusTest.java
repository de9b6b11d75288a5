package gov.onceonly.hub.application;

import org.junit.jupiter.api.Test;

import java.util.List;

import static gov.onceonly.hub.application.ItemStatus.ACCEPTED;
import static gov.onceonly.hub.application.ItemStatus.DELIVERED;
import static gov.onceonly.hub.application.ItemStatus.DONE;
import static gov.onceonly.hub.application.ItemStatus.IN_PROGRESS;
import static gov.onceonly.hub.application.ItemStatus.NEEDS_MATERIALS;
import static gov.onceonly.hub.application.ItemStatus.PARKED;
import static gov.onceonly.hub.application.ItemStatus.PENDING;
import static gov.onceonly.hub.application.ItemStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

class ApplicationStatusTest {

    @Test
    void aWithdrawnApplicationIsWithdrawingUntilEveryDepartmentAnswered() {
        assertThat(ApplicationStatus.derive(List.of(ItemStatus.WITHDRAWING, ItemStatus.CANCELLED), true))
                .isEqualTo(ApplicationStatus.WITHDRAWING);
        assertThat(ApplicationStatus.derive(List.of(ItemStatus.WITHDRAWN, ItemStatus.CANCELLED, DONE), true))
                .isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(ApplicationStatus.derive(List.of(), true)).as("withdrawn before it was collected")
                .isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(ApplicationStatus.derive(List.of(ItemStatus.WITHDRAWN, DONE))).as("settled, when not withdrawn")
                .isEqualTo(ApplicationStatus.COMPLETED);
    }

    @Test
    void noItemsYetIsReceived() {
        assertThat(ApplicationStatus.derive(List.of())).isEqualTo(ApplicationStatus.RECEIVED);
    }

    @Test
    void aDeliveryOnItsWayIsDispatching() {
        assertThat(ApplicationStatus.derive(List.of(PENDING, DELIVERED))).isEqualTo(ApplicationStatus.DISPATCHING);
        assertThat(ApplicationStatus.derive(List.of(PENDING, DONE))).as("waiting on the hub wins over progress")
                .isEqualTo(ApplicationStatus.DISPATCHING);
    }

    @Test
    void everyItemDeliveredAndNoReportYetIsDelivered() {
        assertThat(ApplicationStatus.derive(List.of(DELIVERED, DELIVERED))).isEqualTo(ApplicationStatus.DELIVERED);
    }

    @Test
    void parkedAndMissingMaterialsKeepTheirPrecedence() {
        assertThat(ApplicationStatus.derive(List.of(PARKED, NEEDS_MATERIALS, DONE))).isEqualTo(ApplicationStatus.NEEDS_ATTENTION);
        assertThat(ApplicationStatus.derive(List.of(NEEDS_MATERIALS, ACCEPTED))).isEqualTo(ApplicationStatus.NEEDS_MATERIALS);
    }

    @Test
    void aDepartmentReportWithNothingWaitingOnTheHubIsInProgress() {
        assertThat(ApplicationStatus.derive(List.of(DELIVERED, ACCEPTED))).isEqualTo(ApplicationStatus.IN_PROGRESS);
        assertThat(ApplicationStatus.derive(List.of(IN_PROGRESS, DONE))).isEqualTo(ApplicationStatus.IN_PROGRESS);
        assertThat(ApplicationStatus.derive(List.of(DELIVERED, DONE))).as("decided, but another item not reported yet")
                .isEqualTo(ApplicationStatus.IN_PROGRESS);
    }

    @Test
    void everyItemDecidedIsCompleted() {
        assertThat(ApplicationStatus.derive(List.of(DONE, DONE))).isEqualTo(ApplicationStatus.COMPLETED);
        assertThat(ApplicationStatus.derive(List.of(DONE, REJECTED))).isEqualTo(ApplicationStatus.COMPLETED);
        assertThat(ApplicationStatus.derive(List.of(REJECTED))).isEqualTo(ApplicationStatus.COMPLETED);
    }
}
