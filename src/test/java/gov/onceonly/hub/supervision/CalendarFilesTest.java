package gov.onceonly.hub.supervision;

import gov.onceonly.hub.configfile.ConfigFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A calendar file's mistakes name the file, the line and the path, as the other configuration folders' do. */
class CalendarFilesTest {

    @TempDir
    Path root;

    @Test
    void aGoodFileIsRead() throws IOException {
        write("2027.yaml", """
                year: 2027
                holidays:
                  - { name: 元旦, from: 2027-01-01 }
                workingWeekends:
                  - { name: 调休, date: 2027-01-02 }
                """);
        WorkingCalendar calendar = CalendarFiles.load(root);
        assertThat(calendar.covers(2027)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-02"))).isTrue();
    }

    @Test
    void noFolderMeansWeekendsOnly() {
        assertThat(CalendarFiles.load(root.resolve("nowhere")).isWorkingDay(LocalDate.parse("2026-01-01"))).isTrue();
    }

    @Test
    void theSchemaNamesAnUnknownKeyAndABadDate() throws IOException {
        write("2026.yaml", """
                year: 2026
                holidays:
                  - { name: 春节, from: 2026-02-15, until: 2026-02-23 }
                workingWeekends:
                  - { name: 调休, date: 14-02-2026 }
                """);
        assertThatThrownBy(() -> CalendarFiles.load(root)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("calendar/2026.yaml:3:").hasMessageContaining("holidays[0]")
                .hasMessageContaining("until")
                .hasMessageContaining("calendar/2026.yaml:5:").hasMessageContaining("workingWeekends[0].date");
    }

    @Test
    void whatTheSchemaCannotSeeIsNamedToo() throws IOException {
        write("2027.yaml", """
                year: 2026
                holidays: []
                """);
        write("2026.yaml", """
                year: 2026
                holidays:
                  - { name: 春节, from: 2026-02-23, to: 2026-02-15 }
                  - { name: 国庆节, from: 2026-10-01, to: 2026-10-32 }
                workingWeekends:
                  - { name: 调休, date: 2026-02-16 }
                """);
        assertThatThrownBy(() -> CalendarFiles.load(root)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("calendar/2027.yaml:1:7: error: year: must be the file's year")
                .hasMessageContaining("holidays[0].to: must not be before from")
                .hasMessageContaining("holidays[1].to: is not a date of the calendar")
                .hasMessageContaining("workingWeekends[0].date: must be a Saturday or a Sunday");
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(root.resolve("calendar"));
        Files.writeString(root.resolve("calendar").resolve(name), content);
    }
}
