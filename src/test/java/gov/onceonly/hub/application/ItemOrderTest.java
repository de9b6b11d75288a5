package gov.onceonly.hub.application;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static gov.onceonly.hub.application.ItemStatus.ACCEPTED;
import static gov.onceonly.hub.application.ItemStatus.CANCELLED;
import static gov.onceonly.hub.application.ItemStatus.DELIVERED;
import static gov.onceonly.hub.application.ItemStatus.DONE;
import static gov.onceonly.hub.application.ItemStatus.IN_PROGRESS;
import static gov.onceonly.hub.application.ItemStatus.PENDING;
import static gov.onceonly.hub.application.ItemStatus.REJECTED;
import static gov.onceonly.hub.application.ItemStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

class ItemOrderTest {

    @Test
    void aWaitingItemIsReleasedOnceEveryPrerequisiteReachedItsMilestone() {
        ItemOrder.Item card = waiting("card", Map.of("certificate", Milestone.DONE, "household", Milestone.DELIVERED));
        assertThat(ItemOrder.next(List.of(item("certificate", ACCEPTED), item("household", DELIVERED), card)).none()).isTrue();
        assertThat(ItemOrder.next(List.of(item("certificate", DONE), item("household", PENDING), card)).none()).isTrue();
        ItemOrder.Moves moves = ItemOrder.next(List.of(item("certificate", DONE), item("household", IN_PROGRESS), card));
        assertThat(moves.released()).containsExactly("card");
        assertThat(moves.statusAfter(card)).isEqualTo(PENDING);
    }

    @Test
    void eachMilestoneIsReachedByTheStatusesPastIt() {
        assertThat(List.of(ItemStatus.values())).filteredOn(Milestone.DELIVERED::reachedBy)
                .containsExactlyInAnyOrder(DELIVERED, ACCEPTED, IN_PROGRESS, DONE, REJECTED, ItemStatus.NOT_APPLICABLE);
        assertThat(List.of(ItemStatus.values())).filteredOn(Milestone.ACCEPTED::reachedBy)
                .containsExactlyInAnyOrder(ACCEPTED, IN_PROGRESS, DONE, ItemStatus.NOT_APPLICABLE);
        assertThat(List.of(ItemStatus.values())).filteredOn(Milestone.DONE::reachedBy)
                .containsExactlyInAnyOrder(DONE, ItemStatus.NOT_APPLICABLE);
    }

    @Test
    void aRejectionCancelsTheItemsWaitingForItAndTheItemsWaitingForThose() {
        ItemOrder.Item household = waiting("household", Map.of("certificate", Milestone.DONE));
        ItemOrder.Item card = waiting("card", Map.of("household", Milestone.DELIVERED));
        ItemOrder.Item vaccination = waiting("vaccination", Map.of("certificate", Milestone.DELIVERED));
        ItemOrder.Moves moves = ItemOrder.next(List.of(card, household, item("certificate", REJECTED), vaccination));
        assertThat(moves.cancelled()).containsOnlyKeys("household", "card");
        assertThat(moves.cancelled().get("household"))
                .isEqualTo("it waits for item 'certificate' to be done, and that item was REJECTED");
        assertThat(moves.cancelled().get("card"))
                .isEqualTo("it waits for item 'household' to be delivered, and that item was CANCELLED");
        assertThat(moves.released()).as("delivered before its rejection: the milestone was reached").containsExactly("vaccination");
    }

    @Test
    void aPrerequisiteTheApplicationDoesNotHaveCancelsRatherThanWaitingForever() {
        ItemOrder.Moves moves = ItemOrder.next(List.of(waiting("card", Map.of("gone", Milestone.DONE))));
        assertThat(moves.cancelled()).containsEntry("card", "it waits for item 'gone', which this application does not have");
    }

    @Test
    void anItemThatDoesNotApplyHoldsNobodyUp() {
        ItemOrder.Item fund = waiting("housing-fund", Map.of("registration", Milestone.DONE));
        assertThat(ItemOrder.next(List.of(item("registration", ItemStatus.NOT_APPLICABLE), fund)).released())
                .containsExactly("housing-fund");
        assertThat(ApplicationStatus.derive(List.of(DELIVERED, ItemStatus.NOT_APPLICABLE))).isEqualTo(ApplicationStatus.DELIVERED);
        assertThat(ApplicationStatus.derive(List.of(DONE, ItemStatus.NOT_APPLICABLE))).isEqualTo(ApplicationStatus.COMPLETED);
    }

    @Test
    void theViewListsOnlyWhatIsStillAwaited() {
        ItemOrder.Item card = waiting("card", Map.of("certificate", Milestone.DONE, "household", Milestone.DELIVERED));
        assertThat(ItemOrder.unmet(card, Map.of("certificate", IN_PROGRESS, "household", DELIVERED)))
                .containsExactly(Map.entry("certificate", Milestone.DONE));
    }

    @Test
    void statusesOfWaitingAndCancelledItemsDeriveTheApplication() {
        assertThat(ApplicationStatus.derive(List.of(DELIVERED, WAITING))).isEqualTo(ApplicationStatus.IN_PROGRESS);
        assertThat(ApplicationStatus.derive(List.of(PENDING, WAITING))).isEqualTo(ApplicationStatus.DISPATCHING);
        assertThat(ApplicationStatus.derive(List.of(REJECTED, CANCELLED))).isEqualTo(ApplicationStatus.COMPLETED);
        assertThat(ApplicationStatus.derive(List.of(DELIVERED, CANCELLED))).isEqualTo(ApplicationStatus.DELIVERED);
        assertThat(ApplicationStatus.derive(List.of(ItemStatus.NEEDS_MATERIALS, WAITING))).isEqualTo(ApplicationStatus.NEEDS_MATERIALS);
    }

    private static ItemOrder.Item item(String id, ItemStatus status) {
        return new ItemOrder.Item(id, status, Map.of());
    }

    private static ItemOrder.Item waiting(String id, Map<String, Milestone> waitsFor) {
        return new ItemOrder.Item(id, WAITING, new java.util.LinkedHashMap<>(new java.util.TreeMap<>(waitsFor)));
    }
}
