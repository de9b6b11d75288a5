package gov.onceonly.hub.schedule;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's one scheduler (hub.scheduler.*).
 *
 * @param threads the scheduler's threads, shared by every periodic job and the Camel scheduler: routes; jobs are
 *        short, so a few serve them all
 */
@Validated
@ConfigurationProperties("hub.scheduler")
public record SchedulerProperties(@DefaultValue("4") @Positive int threads) {
}
