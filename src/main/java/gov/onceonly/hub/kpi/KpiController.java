package gov.onceonly.hub.kpi;

import gov.onceonly.hub.api.InvalidParameterException;
import gov.onceonly.hub.catalog.BundleCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /api/v1/kpis?bundle=&from=&to=}: the reform's figures (减材料, 减时间, 减跑动) for a supervision report.
 * {@code from} and {@code to} are instants ({@code 2026-11-01T00:00:00Z}) or dates (midnight in the hub's zone);
 * the period defaults to the last 30 days.
 */
@RestController
public class KpiController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final KpiQueries queries;
    private final BundleCatalog bundles;
    private final Clock clock;

    public KpiController(KpiQueries queries, BundleCatalog bundles, Clock clock) {
        this.queries = queries;
        this.bundles = bundles;
        this.clock = clock;
    }

    @Operation(summary = "Service KPIs: volumes, times and outcomes")
    @GetMapping("/api/v1/kpis")
    public KpiReport kpis(@RequestParam(required = false) String bundle,
                          @RequestParam(required = false) @Parameter(description = "An instant (2026-11-01T00:00:00Z) or a date "
                                  + "(midnight in the hub's zone)", schema = @Schema(example = "2026-11-01T00:00:00Z")) String from,
                          @RequestParam(required = false) @Parameter(description = "An instant or a date, after from",
                                  schema = @Schema(example = "2026-12-01")) String to) {
        if (bundle != null && bundles.find(bundle).isEmpty()) {
            throw new InvalidParameterException("bundle", "known-bundle", "is not a bundle of the catalogue: " + bundle);
        }
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("from", "before-to", "must be before 'to' (" + end + ")");
        }
        return queries.report(Optional.ofNullable(bundle), start, end);
    }

    private Instant instant(String parameter, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "date-time",
                    "must be an instant like 2026-11-01T00:00:00Z or a date like 2026-11-01");
        }
    }
}
