package gov.onceonly.hub.api;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public API (hub.api.*).
 *
 * @param version the version the OpenAPI document states (OpenApiDocument)
 */
@Validated
@ConfigurationProperties("hub.api")
public record ApiProperties(@DefaultValue("v1") @NotBlank String version) {
}
