package gov.onceonly.hub.supervision;

import java.time.Instant;
import java.util.UUID;

/**
 * What the supervision topic carries when an item moves DUE_SOON or OVERDUE (one message per item and level), keyed
 * {@code <application>:<item>}. Nothing personal: the application's id, never its applicant.
 *
 * @param level DUE_SOON or OVERDUE
 * @param timeLimitDays the promised working days, counted from {@code acceptedAt}
 */
public record Escalation(String level, UUID applicationId, String bundle, String item, String department,
                         Instant acceptedAt, Instant dueAt, Integer timeLimitDays, Instant escalatedAt) {

    public static final String DUE_SOON = "DUE_SOON";
    public static final String OVERDUE = "OVERDUE";
}
