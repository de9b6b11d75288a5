package gov.onceonly.hub.archive;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Archives and recommendations (hub.archive.*, docs/lifelong-service.md).
 *
 * @param certificateLibrary the source connector of the e-certificate library: its pulled certificates are listed in
 *                           the archive
 * @param recommendations    at most this many recommendations are served (and listed as entitlements)
 * @param zone               the time zone whose calendar dates the archive's applications for the recommendation rules
 */
@Validated
@ConfigurationProperties("hub.archive")
public record ArchiveProperties(
        @DefaultValue("dsj-e-certificates") @NotBlank String certificateLibrary,
        @DefaultValue("5") @Min(1) @Max(50) int recommendations,
        @DefaultValue("Asia/Shanghai") @NotBlank String zone) {
}
