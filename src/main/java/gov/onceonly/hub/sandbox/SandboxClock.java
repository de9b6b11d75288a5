package gov.onceonly.hub.sandbox;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The sandbox departments' calendar: today in Beijing, or later once moved on, so that a test can follow a life past
 * one event (a birth) to the next (the child's school enrolment six years on). The departments date their decisions'
 * outputs by it and judge ages by it; the hub's own clock, and the times on the reports it checks, are not moved.
 */
public final class SandboxClock {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private volatile Period ahead = Period.ZERO;

    public LocalDate today() {
        return LocalDate.now(BEIJING).plus(ahead);
    }

    /** Moves the calendar on by that much more. */
    public void moveOn(Period period) {
        ahead = ahead.plus(period);
    }

    /** Back to today. */
    public void reset() {
        ahead = Period.ZERO;
    }
}
