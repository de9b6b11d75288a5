package gov.onceonly.hub.health;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The background checks behind the health endpoints (hub.health.*): a probe is answered from their last
 * results, so it answers at once under any load.
 *
 * @param checkPeriod how often readiness's database and broker checks run (BackgroundHealth); a result is
 *        stale after three periods
 * @param probePeriod how often every department system is probed (ConnectorProbes)
 * @param probeTimeout how long one probe of a department system may take
 */
@Validated
@ConfigurationProperties("hub.health")
public record HealthProperties(
        @DefaultValue("5s") @DurationMin(millis = 1) Duration checkPeriod,
        @DefaultValue("15s") @DurationMin(millis = 1) Duration probePeriod,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration probeTimeout) {
}
