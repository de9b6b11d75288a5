package gov.onceonly.hub.supervision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Supervision (督办) of the items' time limits (hub.supervision.*), see docs/supervision.md.
 *
 * @param defaultTimeLimit the working days an item has when its mapping gives no {@code timeLimit}: 20, the general
 *        time limit of an administrative licence (行政许可法, art. 42)
 * @param dueSoonWorkingDays how many working days before its due date an item is DUE_SOON: 1 is from the start of
 *        its last working day; 0 never warns before OVERDUE
 * @param zone the time zone whose days the calendar counts (the departments' working days)
 * @param sweepPeriod how often the overdue sweep looks for items to move DUE_SOON or OVERDUE
 * @param topic the Kafka topic the escalations are announced on
 */
@Validated
@ConfigurationProperties("hub.supervision")
public record SupervisionProperties(
        @DefaultValue("20") @Min(0) @Max(365) int defaultTimeLimit,
        @DefaultValue("1") @Min(0) @Max(30) int dueSoonWorkingDays,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
        @DefaultValue("1m") @NotNull Duration sweepPeriod,
        @DefaultValue("hub.supervision") @NotBlank String topic) {
}
