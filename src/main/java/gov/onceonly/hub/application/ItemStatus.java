package gov.onceonly.hub.application;

/**
 * Where one item stands: first its delivery by the hub, then, once delivered, its progress at the department
 * as the department reports it (status callbacks). Department progress only moves forward:
 * DELIVERED &lt; ACCEPTED &lt; IN_PROGRESS &lt; DONE | REJECTED. An item that waits for others of its application
 * (the bundle's business-collaboration order) is WAITING until they are far enough, see {@link ItemOrder}.
 */
public enum ItemStatus {
    /** The record is built and its delivery is queued or being retried. */
    PENDING,
    /** The record is built; the item waits for other items of the application to reach a milestone (its waitsFor). */
    WAITING,
    /**
     * The item will never be sent: an item it waited for was rejected or cancelled. The hub's decision, with its
     * reason; terminal.
     */
    CANCELLED,
    /** The item does not apply to this application: its condition does not hold (the reason says why). Never sent. */
    NOT_APPLICABLE,
    /** The target acknowledged the record. */
    DELIVERED,
    /** A required field has no value: neither a source nor the form gave it. */
    NEEDS_MATERIALS,
    /** The target kept failing past the redelivery limit; the last error is kept for the operator. */
    PARKED,
    /** The department accepted the item for processing (受理). */
    ACCEPTED,
    /** The department is working on it (办理中). */
    IN_PROGRESS,
    /** The department decided it (办结), with a result and/or a certificate number. Terminal. */
    DONE,
    /** The department sent it back (退回), with a reason. Terminal. */
    REJECTED,
    /**
     * The applicant withdrew the application while its department had the item (or may have had it): a withdrawal
     * notice is on its way to the target, or waits for the department's answer.
     */
    WITHDRAWING,
    /** The department confirmed the withdrawal: it stopped working on the item. Settled. */
    WITHDRAWN;

    /** Whether the department has the item: it was delivered, and maybe reported on since. */
    public boolean atDepartment() {
        return this == DELIVERED || this == WITHDRAWING || reportedByDepartment();
    }

    /** Whether this is a status only a department's report sets. */
    public boolean reportedByDepartment() {
        return this == ACCEPTED || this == IN_PROGRESS || this == WITHDRAWN || terminal();
    }

    /** DONE and REJECTED: the department's decision, which nothing changes afterwards. */
    public boolean terminal() {
        return this == DONE || this == REJECTED;
    }

    /** Whether nothing more will happen to the item: decided by its department, cancelled, withdrawn, or not applicable. */
    public boolean settled() {
        return terminal() || this == CANCELLED || this == NOT_APPLICABLE || this == WITHDRAWN;
    }
}
