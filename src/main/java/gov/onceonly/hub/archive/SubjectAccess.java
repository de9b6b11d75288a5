package gov.onceonly.hub.archive;

import gov.onceonly.hub.api.ProblemTypes;
import gov.onceonly.hub.intake.ApplicantIdentity;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * Who may read a subject's archive: the access log's rules (a channel, which sees what it submitted; an operator, who
 * sees everything, under /api/v1/ops), and, for a channel, the subject's identity proven by the identity provider's
 * token ({@value ApplicantIdentity#HEADER}): the person's own, or, for an enterprise, its legal representative's or a
 * registered agent's. A channel holding no such token gets a 403 naming the header.
 */
public class SubjectAccess {

    private final ApplicantIdentity identity;

    public SubjectAccess(ApplicantIdentity identity) {
        this.identity = identity;
    }

    /** The channel's key, once the token proves the subject; else a 403 problem naming the header. */
    public String channel(HttpServletRequest request, String subject, String subjectType, String token) {
        RegisteredClient client = CallerProblems.require((RegisteredClient) request.getAttribute(SignedRequestFilter.CLIENT));
        identity.refusal(subject, "enterprise".equals(subjectType), token).ifPresent(violation -> {
            throw notProven(violation);
        });
        return client.key();
    }

    /** How the ledger and the access log name an operator: {@code operator:<login>}. */
    public static String operator(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return "operator:" + (principal == null ? "unknown" : principal.getName());
    }

    private static ResponseStatusException notProven(FieldViolation violation) {
        String detail = violation.field() + " " + violation.message();
        ResponseStatusException problem = new ResponseStatusException(HttpStatus.FORBIDDEN, detail);
        problem.getBody().setType(ProblemTypes.of("identity-not-proven"));
        problem.getBody().setTitle("Identity not proven");
        problem.getBody().setProperty("errors", List.of(Map.of("field", violation.field(), "rule", violation.rule(),
                "message", violation.message())));
        return problem;
    }
}
