package gov.onceonly.hub.application;

/** Where one item's delivery stands. */
public enum ItemStatus {
    /** The record is built and its delivery is queued or being retried. */
    PENDING,
    /** The target acknowledged the record. */
    DELIVERED,
    /** A required field has no value: neither a source nor the form gave it. */
    NEEDS_MATERIALS,
    /** The target kept failing past the redelivery limit; the last error is kept for the operator. */
    PARKED
}
