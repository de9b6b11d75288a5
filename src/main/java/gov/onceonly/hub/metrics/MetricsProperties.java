package gov.onceonly.hub.metrics;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Gauges read from PostgreSQL and Kafka (hub.metrics.*) are refreshed on these periods, never during a scrape
 * (GaugeRefresher).
 *
 * @param refresh the pipeline's gauges and the consumer lag
 * @param kpiRefresh the reform KPIs
 */
@Validated
@ConfigurationProperties("hub.metrics")
public record MetricsProperties(
        @DefaultValue("10s") @DurationMin(millis = 1) Duration refresh,
        @DefaultValue("60s") @DurationMin(millis = 1) Duration kpiRefresh) {
}
