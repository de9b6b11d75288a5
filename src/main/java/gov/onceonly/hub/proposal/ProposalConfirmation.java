package gov.onceonly.hub.proposal;

import gov.onceonly.hub.intake.ApplicationRequest;
import gov.onceonly.hub.subject.CitizenIdNumber;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/proposals/{id}/confirmation}: the subject's consent, the form fields they still fill
 * (over those the event filled), the parties the event did not name, and, for an enterprise, the agent who acts for it
 * (whose identity token comes with the request, as with any application).
 */
public record ProposalConfirmation(ApplicationRequest.Consent consent,
                                   Map<String, Object> form,
                                   Map<String, ApplicationRequest.Party> parties,
                                   @Schema(description = "The applicant's name, as on an application") String applicantName,
                                   @Schema(pattern = CitizenIdNumber.PATTERN,
                                           description = "For an enterprise bundle: the agent (经办人) who confirms for it")
                                   String agentIdNumber) {
}
