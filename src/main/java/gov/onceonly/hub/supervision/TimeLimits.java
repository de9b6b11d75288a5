package gov.onceonly.hub.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When an item is due: its clock starts when its department accepts it (受理), the day of acceptance is day 0, and
 * the item is due by the end of the time limit's last working day (a limit of 0: the end of the day of acceptance).
 * It is DUE_SOON from the start of the {@code dueSoonWorkingDays}th working day counting back from that day (1: the
 * last working day itself). Pure.
 */
public final class TimeLimits {

    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final int dueSoonWorkingDays;

    public TimeLimits(WorkingCalendar calendar, ZoneId zone, int dueSoonWorkingDays) {
        this.calendar = calendar;
        this.zone = zone;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    /** An item's due moments; {@code dueSoonAt} is null when nothing warns before OVERDUE. */
    public record Due(Instant dueSoonAt, Instant dueAt) {
    }

    public Due due(Instant acceptedAt, int workingDays) {
        LocalDate accepted = acceptedAt.atZone(zone).toLocalDate();
        LocalDate lastDay = calendar.plusWorkingDays(accepted, workingDays);
        Instant dueAt = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        if (dueSoonWorkingDays == 0) {
            return new Due(null, dueAt);
        }
        LocalDate firstWarned = calendar.minusWorkingDays(lastDay, dueSoonWorkingDays - 1);
        Instant dueSoonAt = firstWarned.atStartOfDay(zone).toInstant();
        return new Due(dueSoonAt.isBefore(acceptedAt) ? acceptedAt : dueSoonAt, dueAt);
    }

    /**
     * The working days an overdue item is late at {@code now}, counting the day it is in: 1 from its due moment to the
     * end of the first working day after its last one; 0 while it is not overdue.
     */
    public int workingDaysOverdue(Instant dueAt, Instant now) {
        if (now.isBefore(dueAt)) {
            return 0;
        }
        LocalDate lastDay = dueAt.atZone(zone).toLocalDate().minusDays(1);
        return Math.max(1, calendar.workingDaysAfter(lastDay, now.atZone(zone).toLocalDate()));
    }

    public WorkingCalendar calendar() {
        return calendar;
    }
}
