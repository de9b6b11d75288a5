package gov.onceonly.hub.outbox;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The outbox (hub.outbox.*): how the relay publishes committed rows to Kafka and how long published rows are kept.
 *
 * @param pollMillis how often the outbox-relay route looks for rows no commit announced (rows of a crashed or
 *        another instance, a failed run), in milliseconds; the relay runs right after every commit that appends to the
 *        outbox, so this need not be frequent (read by routes/pipeline-relay.yaml)
 * @param batchSize at most this many rows are published per relay run
 * @param retention published rows are kept this long (for tracing a message), then deleted
 * @param pruneMillis how often published rows older than the retention are deleted, in milliseconds (read by
 *        routes/pipeline-relay.yaml)
 */
@Validated
@ConfigurationProperties("hub.outbox")
public record OutboxProperties(
        @DefaultValue("1000") @Positive long pollMillis,
        @DefaultValue("200") @Positive int batchSize,
        @DefaultValue("PT24H") @DurationMin(millis = 1) Duration retention,
        @DefaultValue("600000") @Positive long pruneMillis) {
}
