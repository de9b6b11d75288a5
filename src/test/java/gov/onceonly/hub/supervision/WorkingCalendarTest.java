package gov.onceonly.hub.supervision;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Working-day arithmetic on the shipped 2026 calendar, across the holidays and their make-up days (调休). */
class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = CalendarFiles.load(Path.of("."));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void holidaysAreOffAndTheirMakeUpWeekendsAreWorked() {
        assertThat(CALENDAR.covers(2026)).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-01-01"))).as("元旦, a Thursday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-01-04"))).as("元旦调休, a Sunday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-14"))).as("春节调休, a Saturday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-16"))).as("春节, a Monday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-07"))).as("an ordinary Saturday").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-09"))).as("an ordinary Monday").isTrue();
    }

    @Test
    void countingWorkingDaysSkipsTheSpringFestivalAndCountsItsMakeUpDays() {
        // Friday 13 February, then the Saturday worked (14th), the nine days off (15th to 23rd), then from Tuesday 24th.
        LocalDate friday = LocalDate.parse("2026-02-13");
        assertThat(CALENDAR.plusWorkingDays(friday, 1)).isEqualTo("2026-02-14");
        assertThat(CALENDAR.plusWorkingDays(friday, 2)).isEqualTo("2026-02-24");
        assertThat(CALENDAR.plusWorkingDays(friday, 5)).isEqualTo("2026-02-27");
        assertThat(CALENDAR.plusWorkingDays(friday, 6)).as("the Saturday worked after it").isEqualTo("2026-02-28");
        assertThat(CALENDAR.plusWorkingDays(friday, 7)).isEqualTo("2026-03-02");
        assertThat(CALENDAR.minusWorkingDays(LocalDate.parse("2026-02-24"), 1)).isEqualTo("2026-02-14");
        assertThat(CALENDAR.workingDaysAfter(friday, LocalDate.parse("2026-03-02"))).isEqualTo(7);
        assertThat(CALENDAR.plusWorkingDays(friday, 0)).isEqualTo(friday);
    }

    @Test
    void theNationalDayWeekIsSkippedWithItsTwoMakeUpDays() {
        // Friday 18 September: Sunday 20th is worked; 1 to 7 October off; Saturday 10 October worked.
        LocalDate friday = LocalDate.parse("2026-09-18");
        assertThat(CALENDAR.plusWorkingDays(friday, 1)).isEqualTo("2026-09-20");
        assertThat(CALENDAR.plusWorkingDays(friday, 10)).as("21st to 25th, 28th to 30th: 8 more, then 8 and 9 October")
                .isEqualTo("2026-10-09");
        assertThat(CALENDAR.plusWorkingDays(friday, 11)).isEqualTo("2026-10-10");
    }

    @Test
    void anItemIsDueAtTheEndOfItsLastWorkingDayAndDueSoonFromItsStart() {
        TimeLimits limits = new TimeLimits(CALENDAR, SHANGHAI, 1);
        // Accepted on Friday 13 February at 16:00 in Chongqing, 3 working days: the 14th, 24th and 25th.
        TimeLimits.Due due = limits.due(Instant.parse("2026-02-13T08:00:00Z"), 3);
        assertThat(due.dueAt()).isEqualTo(Instant.parse("2026-02-25T16:00:00Z")); // midnight 26th, Shanghai
        assertThat(due.dueSoonAt()).isEqualTo(Instant.parse("2026-02-24T16:00:00Z")); // midnight 25th

        TimeLimits twoDaysWarning = new TimeLimits(CALENDAR, SHANGHAI, 2);
        assertThat(twoDaysWarning.due(Instant.parse("2026-02-13T08:00:00Z"), 3).dueSoonAt())
                .as("from the start of the 24th, the working day before the last").isEqualTo(Instant.parse("2026-02-23T16:00:00Z"));
        assertThat(new TimeLimits(CALENDAR, SHANGHAI, 0).due(Instant.parse("2026-02-13T08:00:00Z"), 3).dueSoonAt()).isNull();

        // A limit of 0: due by the end of the day of acceptance, and due soon from the acceptance itself.
        TimeLimits.Due sameDay = limits.due(Instant.parse("2026-03-09T02:00:00Z"), 0);
        assertThat(sameDay.dueAt()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(sameDay.dueSoonAt()).isEqualTo(Instant.parse("2026-03-09T02:00:00Z"));
    }

    @Test
    void workingDaysOverdueCountTheDayItIsIn() {
        TimeLimits limits = new TimeLimits(CALENDAR, SHANGHAI, 1);
        Instant due = Instant.parse("2026-02-25T16:00:00Z"); // the end of Wednesday 25th
        assertThat(limits.workingDaysOverdue(due, due.minusSeconds(1))).isZero();
        assertThat(limits.workingDaysOverdue(due, due)).isEqualTo(1);
        assertThat(limits.workingDaysOverdue(due, Instant.parse("2026-02-27T03:00:00Z"))).as("Friday 27th").isEqualTo(2);
        assertThat(limits.workingDaysOverdue(due, Instant.parse("2026-03-01T03:00:00Z"))).as("Sunday 1 March, after the Saturday worked")
                .isEqualTo(3);
    }

    @Test
    void aYearWithoutAFileCountsWeekendsOnly() {
        assertThat(CALENDAR.covers(2031)).isFalse();
        assertThat(CALENDAR.plusWorkingDays(LocalDate.parse("2031-01-03"), 1)).as("a Friday, then Monday 6th")
                .isEqualTo("2031-01-06");
    }
}
