package gov.onceonly.hub.transparency;

import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.security.OperatorAccount;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Who is calling: the registered client that signed the request, and whether the operator's login came with it. */
final class Callers {

    private Callers() {
    }

    static Optional<RegisteredClient> client(HttpServletRequest request) {
        return Optional.ofNullable((RegisteredClient) request.getAttribute(SignedRequestFilter.CLIENT));
    }

    static boolean operator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + OperatorAccount.ROLE).equals(a.getAuthority()));
    }

    /** The operator, or a channel (the applicant's side); a department system is refused. */
    static String requireChannelOrOperator(HttpServletRequest request, String what) {
        if (operator()) {
            return "the operator";
        }
        RegisteredClient client = client(request).orElseThrow(() -> forbidden("role", "only a channel or the operator may read " + what));
        if (client.role() != RegisteredClient.Role.CHANNEL) {
            throw forbidden("role", "is a department system: only a channel or the operator may read " + what);
        }
        return client.key();
    }

    static ErrorResponseException forbidden(String rule, String message) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", new FieldViolation("X-Hub-Key", rule, message));
    }

    static ErrorResponseException problem(HttpStatus status, String type, String title, FieldViolation violation) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, violation.field() + " " + violation.message());
        body.setType(URI.create("urn:onceonly:problem:" + type));
        body.setTitle(title);
        body.setProperty("errors", List.of(violation));
        return new ErrorResponseException(status, body, null);
    }
}
