package gov.onceonly.hub.proposal;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/proposals/{id}/decline}: why, if the subject said (optional). */
public record ProposalDecline(@Size(max = 200, message = "must be at most {max} characters") String reason) {
}
