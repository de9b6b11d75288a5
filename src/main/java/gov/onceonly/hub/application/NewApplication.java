package gov.onceonly.hub.application;

import java.util.Map;
import java.util.UUID;

/**
 * A validated application, about to be stored, with the trace id its processing is logged and followed under and
 * the app key of the channel that submitted it.
 */
public record NewApplication(UUID id, String bundleId, String mappingVersion, String subjectKey, String applicantName,
                             Map<String, Object> consent, Map<String, Object> form, String traceId, String submittedBy) {
}
