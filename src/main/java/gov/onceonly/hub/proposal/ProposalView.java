package gov.onceonly.hub.proposal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A proposal as its channel sees it ({@code GET /api/v1/proposals/{id}}): whom it is for, what the event filled, what
 * the subject still fills, and where it stands; once confirmed, the application it became.
 */
public record ProposalView(UUID id, String rule, String bundle, String bundleName, ProposalStatus status, String subject,
                           Map<String, Object> form, Map<String, String> parties,
                           java.util.List<String> formFieldsToFill, Instant createdAt, Instant expiresAt,
                           Instant decidedAt, String declineReason, UUID applicationId, String applicationUrl) {
}
