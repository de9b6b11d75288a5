package gov.onceonly.hub.supervision;

import java.time.Instant;

/**
 * An item's clock as a reader of its application sees it: when it is due, the level the sweep moved it to (DUE_SOON,
 * OVERDUE, null before), and whether it was decided after its due date.
 */
public record ItemDeadline(String item, Instant dueAt, String level, boolean decidedLate) {
}
