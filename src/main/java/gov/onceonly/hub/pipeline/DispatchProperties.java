package gov.onceonly.hub.pipeline;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Deliveries (hub.dispatch.*): a quick in-place retry for a blip, then attempts spaced by the retry delay,
 * doubling up to the max delay, with jitter; the max-attempts-th failure parks the delivery for an operator. Target
 * notices (withdrawals, certificates) are retried with the same backoff.
 *
 * @param maxRedeliveries in-place retries of a failed push before it waits for its next attempt
 * @param redeliveryDelayMillis the wait before an in-place retry, in milliseconds
 * @param retryDelayMillis the first wait before the next attempt, in milliseconds
 * @param maxDelayMillis the longest wait between two attempts, in milliseconds
 * @param maxAttempts attempts before a delivery is parked for an operator
 * @param pollMillis how often the delivery retries and target notices are looked at, in milliseconds (read by
 *        routes/pipeline-dispatch-retry.yaml and routes/pipeline-target-notices.yaml)
 * @param lostAfter a delivery queued but still not sent after this long is taken for lost (its message never
 *        arrived) and queued again; a repeat is harmless, the dispatch stage skips a delivered item
 */
@Validated
@ConfigurationProperties("hub.dispatch")
public record DispatchProperties(
        @DefaultValue("1") @PositiveOrZero int maxRedeliveries,
        @DefaultValue("200") @PositiveOrZero long redeliveryDelayMillis,
        @DefaultValue("1000") @Positive long retryDelayMillis,
        @DefaultValue("300000") @Positive long maxDelayMillis,
        @DefaultValue("10") @Positive int maxAttempts,
        @DefaultValue("1000") @Positive long pollMillis,
        @DefaultValue("PT5M") @DurationMin(millis = 1) Duration lostAfter) {

    /** The backoff between two attempts (of a delivery, of a target notice). */
    public Backoff backoff() {
        return new Backoff(Duration.ofMillis(retryDelayMillis), Duration.ofMillis(maxDelayMillis));
    }
}
