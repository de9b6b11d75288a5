package gov.onceonly.hub.pipeline;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own Kafka topics (hub.topics.*), created at startup with hub.kafka.replication-factor
 * replicas and hub.kafka.min-insync-replicas when set (else the broker's defaults).
 *
 * @param applications applications received, to be collected
 * @param deliveries items mapped, to be pushed to their department
 * @param itemStatus departments report their items' progress here (and over REST); see docs/reliability.md
 */
@Validated
@ConfigurationProperties("hub.topics")
public record TopicsProperties(
        @DefaultValue("hub.applications") @NotBlank String applications,
        @DefaultValue("hub.deliveries") @NotBlank String deliveries,
        @DefaultValue("hub.item-status") @NotBlank String itemStatus) {
}
