package gov.onceonly.hub.reload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/v1/ops/config} shows: whether reload is on, the configuration in service (each bundle's
 * mapping version) and the last change applied or rejected, with the lint's findings.
 */
public record ReloadStatus(boolean enabled, String root, Instant lastApplied, List<String> appliedFiles,
                           Map<String, String> bundleVersions, List<String> connectors, RejectedChange rejected) {

    /** A change that was not applied; the running configuration kept serving. */
    public record RejectedChange(Instant at, List<String> files, List<String> problems) {
    }
}
