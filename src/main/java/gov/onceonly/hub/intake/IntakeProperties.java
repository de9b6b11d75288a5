package gov.onceonly.hub.intake;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the API takes in (hub.intake.*).
 *
 * @param maxBodyBytes the largest request body under /api/, in bytes; a larger one is refused with 413 before
 *        anything reads it (api/BodySizeLimitFilter)
 */
@Validated
@ConfigurationProperties("hub.intake")
public record IntakeProperties(@DefaultValue("65536") @Positive long maxBodyBytes) {
}
