package gov.onceonly.hub.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An application as stored, with the datasets ({@code <connector>/<dataset>}) its applicant consented to. */
public record StoredApplication(UUID id, String bundleId, String mappingVersion, String subjectKey,
                                Map<String, Object> form, ApplicationStatus status, Instant createdAt,
                                List<String> consentedDatasets) {
}
