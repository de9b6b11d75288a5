package gov.onceonly.hub.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, but for the public holidays, plus the weekend days worked in exchange
 * (调休). A year without a calendar file counts weekends only (the hub warns at startup). Pure and immutable.
 */
public final class WorkingCalendar {

    /** Far more than any time limit: a guard against a calendar with no working day at all. */
    private static final int MAX_DAYS_SCANNED = 3660;

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;
    private final Set<Integer> years;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends, Set<Integer> years) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
        this.years = Set.copyOf(years);
    }

    /** Weekends only, no holiday. */
    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(Set.of(), Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekends.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** Whether a calendar file gave this year's holidays. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    /** The {@code n}th working day after {@code day} (not counting {@code day} itself); {@code day} for n = 0. */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        return step(day, n, 1);
    }

    /** The {@code n}th working day before {@code day}; {@code day} for n = 0. */
    public LocalDate minusWorkingDays(LocalDate day, int n) {
        return step(day, n, -1);
    }

    /** The working days after {@code from} up to {@code to} inclusive; 0 when {@code to} is not after {@code from}. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate step(LocalDate day, int n, int direction) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        LocalDate d = day;
        int left = n;
        for (int scanned = 0; left > 0; scanned++) {
            if (scanned > MAX_DAYS_SCANNED) {
                throw new IllegalStateException("no working day within ten years of " + day);
            }
            d = d.plusDays(direction);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
