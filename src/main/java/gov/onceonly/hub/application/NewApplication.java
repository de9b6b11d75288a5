package gov.onceonly.hub.application;

import java.util.Map;
import java.util.UUID;

/**
 * A validated application, about to be stored, with the trace its processing is logged and followed under (its id, and
 * the context the pipeline's messages carry: the propagator's W3C fields, outbox/OutboxRelay) and the app key of the
 * channel that submitted it. The applicant's name as typed is not kept: the departments' records
 * come from the registries, and a name the hub does not need is one it cannot leak.
 */
public record NewApplication(UUID id, String bundleId, String mappingVersion, String subjectKey,
                             Map<String, Object> consent, Map<String, Object> form, String traceId,
                             Map<String, String> traceContext, String submittedBy) {
}
