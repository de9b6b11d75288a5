package gov.onceonly.hub.supervision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The supervisor's list (督办清单) at {@code asOf}: the items not yet decided that the sweep moved DUE_SOON or
 * OVERDUE, the most overdue first.
 */
public record OverdueList(Instant asOf, List<OverdueItem> items) {

    /**
     * One item to chase.
     *
     * @param level DUE_SOON or OVERDUE
     * @param workingDaysOverdue working days late, counting today (0 while DUE_SOON)
     */
    public record OverdueItem(UUID applicationId, String bundle, String item, String itemName, String department,
                       String level, String status, Instant acceptedAt, Instant dueAt, Integer timeLimitDays,
                       int workingDaysOverdue) {
    }
}
