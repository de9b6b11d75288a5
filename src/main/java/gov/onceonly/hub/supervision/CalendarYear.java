package gov.onceonly.hub.supervision;

import java.util.List;

/**
 * One file of {@code calendar/}, as written: a year's public holidays (runs of days off) and the weekend days worked
 * in exchange (调休). Dates stay text here; {@link CalendarFiles} reads them and says where one is wrong.
 */
public record CalendarYear(Integer year, List<Holiday> holidays, List<WorkingWeekend> workingWeekends) {

    public CalendarYear {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workingWeekends = workingWeekends == null ? List.of() : List.copyOf(workingWeekends);
    }

    /** Days off from {@code from} to {@code to} inclusive ({@code to} absent: one day). */
    public record Holiday(String name, String from, String to) {
    }

    /** A Saturday or Sunday that is a working day. */
    public record WorkingWeekend(String name, String date) {
    }
}
