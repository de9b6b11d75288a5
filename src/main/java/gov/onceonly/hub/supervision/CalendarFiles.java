package gov.onceonly.hub.supervision;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.schema.ConfigSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code calendar/<year>.yaml} into one {@link WorkingCalendar}: each file against {@code schemas/calendar.json},
 * then what the schema cannot see (the year is the file's, a date exists and is in that year, a holiday ends after it
 * starts, a worked day is a weekend day), each problem naming the file and the path in it, as the other folders do.
 */
public final class CalendarFiles {

    private static final Logger log = LoggerFactory.getLogger(CalendarFiles.class);

    private CalendarFiles() {
    }

    /** The calendar of {@code root}/calendar/, or weekends only when there is no such folder. */
    public static WorkingCalendar load(Path root) {
        Path folder = root.resolve(ConfigSchemas.Folder.CALENDAR.directory());
        if (!Files.isDirectory(folder)) {
            log.warn("No {} folder: time limits count weekends only, no public holiday", folder);
            return WorkingCalendar.weekendsOnly();
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Path file : YamlConfigFiles.list(folder)) {
            YamlConfigFiles.Loaded<CalendarYear> loaded = YamlConfigFiles.read(root, file, CalendarYear.class,
                    ConfigSchemas.shared().shapeCheck(ConfigSchemas.Folder.CALENDAR));
            List<ConfigProblem> found = new ArrayList<>();
            read(loaded.file(), file.getFileName().toString(), loaded.definition(), holidays, worked, found);
            if (found.isEmpty()) {
                years.add(loaded.definition().year());
            } else {
                problems.addAll(ConfigFileException.locate(found, loaded.content()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return new WorkingCalendar(holidays, worked, years);
    }

    private static void read(String file, String fileName, CalendarYear year, Set<LocalDate> holidays,
                             Set<LocalDate> worked, List<ConfigProblem> problems) {
        if (!fileName.equals(year.year() + ".yaml")) {
            problems.add(ConfigProblem.ofValue(file, "year", "must be the file's year: the file is " + fileName));
        }
        for (int i = 0; i < year.holidays().size(); i++) {
            CalendarYear.Holiday holiday = year.holidays().get(i);
            String at = "holidays[" + i + "]";
            LocalDate from = date(file, at + ".from", holiday.from(), year.year(), problems);
            LocalDate to = holiday.to() == null ? from : date(file, at + ".to", holiday.to(), year.year(), problems);
            if (from == null || to == null) {
                continue;
            }
            if (to.isBefore(from)) {
                problems.add(ConfigProblem.ofValue(file, at + ".to", "must not be before from (" + from + ")"));
                continue;
            }
            from.datesUntil(to.plusDays(1)).forEach(holidays::add);
        }
        for (int i = 0; i < year.workingWeekends().size(); i++) {
            String at = "workingWeekends[" + i + "].date";
            LocalDate day = date(file, at, year.workingWeekends().get(i).date(), year.year(), problems);
            if (day == null) {
                continue;
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(ConfigProblem.ofValue(file, at, "must be a Saturday or a Sunday: " + day + " is a "
                        + day.getDayOfWeek()));
            } else if (holidays.contains(day)) {
                problems.add(ConfigProblem.ofValue(file, at, "is a holiday of this file too"));
            } else {
                worked.add(day);
            }
        }
    }

    private static LocalDate date(String file, String path, String text, int year, List<ConfigProblem> problems) {
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() != year) {
                problems.add(ConfigProblem.ofValue(file, path, "must be in " + year + ", the file's year"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(ConfigProblem.ofValue(file, path, "is not a date of the calendar: " + text));
            return null;
        }
    }
}
