package gov.onceonly.hub.proposal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A proposal as stored, opened: whom it is for, what the event filled, and where it stands. */
public record Proposal(UUID id, String ruleId, String bundleId, String subject, Map<String, Object> form,
                       Map<String, String> parties, String eventSha256, ProposalStatus status, Instant createdAt,
                       Instant expiresAt, Instant decidedAt, String decidedBy, String declineReason, UUID applicationId) {

    /** Still waiting for its subject at {@code now}: open and not past its expiry (the expiry job may not have run). */
    boolean openAt(Instant now) {
        return status == ProposalStatus.OPEN && now.isBefore(expiresAt);
    }

    /** The status a reader sees: an open proposal past its expiry is expired, whether or not the job has run yet. */
    ProposalStatus statusAt(Instant now) {
        return status == ProposalStatus.OPEN && !now.isBefore(expiresAt) ? ProposalStatus.EXPIRED : status;
    }
}
