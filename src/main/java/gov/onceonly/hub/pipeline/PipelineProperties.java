package gov.onceonly.hub.pipeline;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pipeline (hub.pipeline.*): one Kafka consumer per hub instance reads the applications and deliveries
 * topics, and its workers take an application each, collecting, mapping and delivering it, with its department calls
 * side by side on the same workers (docs/architecture.md). A topic needs as many partitions as hub instances share it.
 *
 * @param workers the pipeline's worker threads; they start with the load and end when idle
 * @param maxInFlight at most this many records are worked on at once; past that the consumer pauses
 * @param consumers consumers of the status topic per instance (read by routes/pipeline-status.yaml)
 * @param collectTimeoutMillis how long collecting one application may wait for its sources, in milliseconds
 */
@Validated
@ConfigurationProperties("hub.pipeline")
public record PipelineProperties(
        @DefaultValue("128") @Positive int workers,
        @DefaultValue("64") @Positive int maxInFlight,
        @DefaultValue("1") @Positive int consumers,
        @DefaultValue("10000") @Positive long collectTimeoutMillis) {
}
