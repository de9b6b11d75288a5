package gov.onceonly.hub.transparency;

import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** Who is calling: the registered client that signed the request (its role was checked by the security rules). */
final class Callers {

    private Callers() {
    }

    static Optional<RegisteredClient> client(HttpServletRequest request) {
        return Optional.ofNullable((RegisteredClient) request.getAttribute(SignedRequestFilter.CLIENT));
    }
}
