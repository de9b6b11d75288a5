package gov.onceonly.hub.pipeline;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Applications whose sources are down (hub.collect.*) wait and are collected again: first after the retry
 * delay, doubling, with jitter, at most the max delay apart; after max-attempts or max-age they need an operator's
 * attention (NEEDS_ATTENTION).
 *
 * @param pollMillis how often the collect-retry route looks for applications due again, in milliseconds
 *        (read by routes/pipeline-collect-retry.yaml)
 * @param retryDelayMillis the first wait, in milliseconds
 * @param maxDelayMillis the longest wait between two attempts, in milliseconds
 * @param maxAttempts attempts before the application needs an operator
 * @param maxAge the longest an application waits for its sources before it needs an operator
 */
@Validated
@ConfigurationProperties("hub.collect")
public record CollectProperties(
        @DefaultValue("1000") @Positive long pollMillis,
        @DefaultValue("2000") @Positive long retryDelayMillis,
        @DefaultValue("300000") @Positive long maxDelayMillis,
        @DefaultValue("12") @Positive int maxAttempts,
        @DefaultValue("PT24H") @DurationMin(millis = 1) Duration maxAge) {

    /** The backoff between two attempts. */
    public Backoff backoff() {
        return new Backoff(Duration.ofMillis(retryDelayMillis), Duration.ofMillis(maxDelayMillis));
    }
}
