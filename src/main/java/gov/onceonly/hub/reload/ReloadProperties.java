package gov.onceonly.hub.reload;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Hot reload of connectors/, mappings/ and routes/ while the hub runs (hub.reload.*,
 * docs/architecture.md). A change is linted first; an invalid one is rejected and shown in the log and at
 * GET /api/v1/ops/config, and the running version keeps serving.
 *
 * @param enabled whether the folders are watched; off by default, so production restarts or rolls; the sandbox
 *        profile turns it on
 * @param allowInProduction outside the sandbox hot reload runs only if this is true too: route YAML is code, and its
 *        folder must be as guarded as the jar
 * @param pollMillis how often the folders are looked at, in milliseconds
 */
@Validated
@ConfigurationProperties("hub.reload")
public record ReloadProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("false") boolean allowInProduction,
        @DefaultValue("1000") @Positive long pollMillis) {
}
