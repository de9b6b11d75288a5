package gov.onceonly.hub.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The answers of object-level authorization (OWASP API1, API5): a client asking for an object that is not its own
 * gets the very 404 an unknown object gets, so that the answer never reveals that the object exists. (A client of the
 * wrong role never gets this far: config/SecurityConfiguration answers 403 naming its key, ProblemResponses.)
 */
public final class CallerProblems {

    private CallerProblems() {
    }

    /** 404, worded exactly as for an object that does not exist. */
    public static ResponseStatusException notFound(String field, String detail) {
        ResponseStatusException problem = new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
        problem.getBody().setType(URI.create("urn:onceonly:problem:not-found"));
        problem.getBody().setTitle("Not found");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "rule", "known", "message", detail)));
        return problem;
    }

    /** The caller the signature filter identified; a request that reached a controller without one is a bug. */
    public static RegisteredClient require(RegisteredClient caller) {
        if (caller == null) {
            throw new IllegalStateException("no registered client on a signed endpoint: is SignedRequestFilter installed?");
        }
        return caller;
    }
}
