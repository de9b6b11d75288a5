package gov.onceonly.hub.proposal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Proactive proposals (hub.proposals.*, docs/lifelong-service.md).
 *
 * @param enabled     whether the hub reads the rules' streams and proposes bundles (the rules are loaded and linted
 *                    either way)
 * @param expiryCheck how often open proposals past their expiry are marked EXPIRED (one instance of a cluster does it)
 * @param channels    where each channel client (by its app key, a {@code hub.clients.<key>} of role channel) receives
 *                    the proposals it is to put to its users; a proposal goes to every channel listed here, and any
 *                    of them may have it confirmed or declined
 */
@Validated
@ConfigurationProperties("hub.proposals")
public record ProposalProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT1M") @DurationMin(millis = 1) Duration expiryCheck,
        Map<String, @Valid Channel> channels) {

    public ProposalProperties {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }

    /**
     * One channel's delivery of proposals.
     *
     * @param topic the Kafka topic the hub publishes the channel's proposals to (through the outbox, so none is lost);
     *              the hub creates it at startup
     */
    public record Channel(@NotBlank String topic) {
    }
}
