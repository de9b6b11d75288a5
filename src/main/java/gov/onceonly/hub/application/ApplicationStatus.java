package gov.onceonly.hub.application;

import java.util.Collection;

/** The overall status of an application, derived from its items. */
public enum ApplicationStatus {
    /** Acknowledged and durable; the hub has not finished collecting its data yet. */
    RECEIVED,
    /** A source could not answer; the hub collects again later, by itself. */
    WAITING_FOR_SOURCES,
    /** Item records are built; some deliveries are still on their way. */
    DISPATCHING,
    /** Every item reached its department's back-office system. */
    DELIVERED,
    /** Some item needs a material no source could provide; the applicant must supply it. */
    NEEDS_MATERIALS,
    /** Some delivery is parked after its retries, or the sources stayed down too long; an operator must look. */
    NEEDS_ATTENTION,
    /**
     * Every item is at its department, or waits for another item's progress there, and some department has reported
     * on its item (accepted, in progress, or already decided), or some item waits; not every item is decided yet.
     * Nothing waits on the hub.
     */
    IN_PROGRESS,
    /** Every item is decided by its department (DONE or REJECTED), cancelled or not applicable. Nothing more will happen. */
    COMPLETED,
    /** The applicant withdrew it; some department that has an item has not answered the withdrawal notice yet. */
    WITHDRAWING,
    /** The applicant withdrew it, and every item is cancelled, withdrawn at its department, or was decided before. */
    WITHDRAWN;

    /** The status of an application its applicant withdrew: until every department answered, WITHDRAWING. */
    public static ApplicationStatus derive(Collection<ItemStatus> items, boolean withdrawn) {
        if (!withdrawn) {
            return derive(items);
        }
        return items.contains(ItemStatus.WITHDRAWING) ? WITHDRAWING : WITHDRAWN;
    }

    public static ApplicationStatus derive(Collection<ItemStatus> items) {
        if (items.isEmpty()) {
            return RECEIVED;
        }
        if (items.contains(ItemStatus.PARKED)) {
            return NEEDS_ATTENTION;
        }
        if (items.contains(ItemStatus.NEEDS_MATERIALS)) {
            return NEEDS_MATERIALS;
        }
        if (items.contains(ItemStatus.PENDING)) {
            return DISPATCHING; // some delivery is still on its way
        }
        if (items.stream().allMatch(ItemStatus::settled)) {
            return COMPLETED;
        }
        if (items.contains(ItemStatus.WAITING)) {
            return IN_PROGRESS; // the rest waits for the departments' progress
        }
        return items.stream().allMatch(s -> s == ItemStatus.DELIVERED || s == ItemStatus.CANCELLED
                || s == ItemStatus.NOT_APPLICABLE) ? DELIVERED : IN_PROGRESS;
    }
}
