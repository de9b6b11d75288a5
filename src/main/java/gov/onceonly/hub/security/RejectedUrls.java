package gov.onceonly.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * What Spring Security's firewall refuses (an encoded percent sign, slash or period, dot segments, a semicolon, a
 * control character in the URL) answered as a problem that names the path, instead of a bare 400 that Spring Boot's
 * error page would dress in its own JSON.
 */
public final class RejectedUrls implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemResponses.write(response, 400, "rejected-url", "Rejected URL", "the hub's firewall refused this URL (an "
                + "encoded percent sign, slash or period, dot segments, a semicolon or a control character); send the "
                + "path plainly", null, "path", "firewall");
    }
}
