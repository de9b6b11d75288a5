package gov.onceonly.hub.supervision;

import gov.onceonly.hub.api.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Supervision (督办, docs/supervision.md), for operators: the departments' figures of a period, the supervisor's
 * list of items due soon and overdue, and the monthly report (通报) as JSON or CSV. Periods and months are counted in
 * the calendar's zone ({@code hub.supervision.zone}).
 */
@RestController
@RequestMapping("/api/v1/supervision")
public class SupervisionController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final Set<String> LEVELS = Set.of(Escalation.DUE_SOON, Escalation.OVERDUE);

    private final SupervisionQueries queries;
    private final OverdueItems overdue;
    private final Clock clock;
    private final ZoneId zone;

    public SupervisionController(SupervisionQueries queries, OverdueItems overdue, Clock clock,
                                 SupervisionProperties supervision) {
        this.queries = queries;
        this.overdue = overdue;
        this.clock = clock;
        this.zone = supervision.zone();
    }

    @Operation(summary = "Per department: items received, accepted, done, rejected and overdue, times, ratings, 减环节")
    @GetMapping("/departments")
    public DepartmentFigures departments(
            @RequestParam(required = false) @Parameter(description = "An instant (2026-11-01T00:00:00Z) or a date "
                    + "(midnight in the calendar's zone); default 30 days before to", schema = @Schema(example = "2026-11-01")) String from,
            @RequestParam(required = false) @Parameter(description = "An instant or a date, after from; default now",
                    schema = @Schema(example = "2026-12-01")) String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("from", "before-to", "must be before 'to' (" + end + ")");
        }
        return queries.figures(start, end);
    }

    @Operation(summary = "The supervisor's list: undecided items DUE_SOON or OVERDUE, the most overdue first")
    @GetMapping("/overdue")
    public OverdueList overdue(@RequestParam(required = false) @Parameter(description = "Only this department's items",
                                       schema = @Schema(example = "市公安局")) String department,
                               @RequestParam(required = false) @Parameter(description = "DUE_SOON or OVERDUE; default both",
                                       schema = @Schema(allowableValues = {"DUE_SOON", "OVERDUE"})) String level) {
        if (level != null && !LEVELS.contains(level)) {
            throw new InvalidParameterException("level", "one-of", "must be DUE_SOON or OVERDUE");
        }
        return overdue.list(department, level);
    }

    @Operation(summary = "The monthly report (通报) of the departments' figures, as JSON (for Grafana) or CSV")
    @ApiResponse(responseCode = "200", description = "The month's figures, one row per department", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = MonthlyReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @GetMapping(value = "/report", produces = {"application/json", "text/csv"})
    public ResponseEntity<Object> report(
            @RequestParam @Parameter(description = "The month, in the calendar's zone", schema = @Schema(example = "2026-11"))
            String month,
            @RequestParam(defaultValue = "json") @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) String format) {
        YearMonth which;
        try {
            which = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("month", "year-month", "must be a month like 2026-11");
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidParameterException("format", "one-of", "must be json or csv");
        }
        Instant start = which.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = which.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        MonthlyReport report = MonthlyReport.of(which, queries.figures(start, end));
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("督办通报-" + which + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(report.csv());
    }

    private Instant instant(String parameter, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "date-time",
                    "must be an instant like 2026-11-01T00:00:00Z or a date like 2026-11-01");
        }
    }
}
