package gov.onceonly.hub.transparency;

import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.security.OperatorAccount;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

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
        return OperatorAccount.has(auth, OperatorAccount.Role.OPERATOR);
    }

    /** The operator, or a channel (the applicant's side); a department system is refused (403, {@link CallerProblems}). */
    static String requireChannelOrOperator(HttpServletRequest request, String what) {
        if (operator()) {
            return "the operator";
        }
        RegisteredClient client = CallerProblems.require(client(request).orElse(null));
        if (client.role() != RegisteredClient.Role.CHANNEL) {
            throw CallerProblems.wrongRole(client, "only a channel or the operator may read " + what);
        }
        return client.key();
    }
}
