package gov.onceonly.hub.proposal;

import gov.onceonly.hub.intake.ApplicantIdentity;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.Intake;
import gov.onceonly.hub.intake.InvalidApplicationException;
import gov.onceonly.hub.intake.NulCharacters;
import gov.onceonly.hub.intake.RequestConstraints;
import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A proactive proposal, for the channels proposals go to: {@code GET /api/v1/proposals/{id}}, the subject's
 * confirmation with consent ({@code POST …/confirmation}, which answers as intake does: 202 and the application's status
 * URL) and their refusal ({@code POST …/decline}). A proposal no longer open answers 409.
 */
@RestController
public class ProposalController {

    private final ProposalConfirmations proposals;
    private final RequestConstraints constraints;

    public ProposalController(ProposalConfirmations proposals, RequestConstraints constraints) {
        this.proposals = proposals;
        this.constraints = constraints;
    }

    @Operation(summary = "A proactive proposal: whom it is for, what the event filled, where it stands")
    @GetMapping("/api/v1/proposals/{id}")
    public ProposalView proposal(@PathVariable UUID id, @RequestAttribute(name = SignedRequestFilter.CLIENT,
            required = false) RegisteredClient caller) {
        proposals.requireChannel(CallerProblems.require(caller).key(), id);
        return proposals.view(id);
    }

    @Operation(summary = "Confirm a proposal with the subject's consent: it becomes an application")
    @PostMapping(path = "/api/v1/proposals/{id}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResponseEntity<Intake.Accepted> confirm(@PathVariable UUID id, @RequestBody ProposalConfirmation confirmation,
                                                   @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                                   RegisteredClient caller,
                                                   @RequestHeader(name = ApplicantIdentity.HEADER, required = false)
                                                   String identityToken, HttpServletRequest http) throws IOException {
        RegisteredClient channel = CallerProblems.require(caller);
        proposals.requireChannel(channel.key(), id);
        try {
            Intake.Accepted accepted = proposals.confirm(id, confirmation == null
                            ? new ProposalConfirmation(null, null, null, null, null) : confirmation, identityToken,
                    channel.key(), http.getInputStream().readAllBytes());
            return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
        } catch (ProposalClosedException e) {
            throw closed(e);
        }
    }

    @Operation(summary = "Decline a proposal: the subject does not want it")
    @PostMapping(path = "/api/v1/proposals/{id}/decline")
    public ProposalView decline(@PathVariable UUID id, @RequestBody(required = false) ProposalDecline decline,
                                @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                RegisteredClient caller) {
        RegisteredClient channel = CallerProblems.require(caller);
        proposals.requireChannel(channel.key(), id);
        ProposalDecline body = decline == null ? new ProposalDecline(null) : decline;
        List<FieldViolation> violations = new ArrayList<>(constraints.of(body));
        NulCharacters.check("reason", body.reason(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidApplicationException(violations);
        }
        try {
            return proposals.decline(id, body, channel.key());
        } catch (ProposalClosedException e) {
            throw closed(e);
        }
    }

    private static ResponseStatusException closed(ProposalClosedException e) {
        ResponseStatusException problem = new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        problem.getBody().setType(URI.create("urn:onceonly:problem:proposal-closed"));
        problem.getBody().setTitle("Proposal closed");
        problem.getBody().setProperty("errors", List.of(new FieldViolation("id", "open",
                "the proposal is " + e.status() + "; only an OPEN proposal can be confirmed or declined")));
        return problem;
    }
}
