package gov.onceonly.hub.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

/**
 * The hub's own problem types ({@code urn:onceonly:problem:<name>}), also for the errors Spring, Spring Security and
 * Tomcat raise, which would say {@code about:blank}: a client tells every error of the hub by its type.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:onceonly:problem:";

    private ProblemTypes() {
    }

    public static URI of(String name) {
        return URI.create(PREFIX + name);
    }

    /** A status's own type, from its reason phrase: 404 is {@code urn:onceonly:problem:not-found}. */
    public static URI forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String name = known == null ? "http-" + status
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return of(name);
    }

    /** A problem a framework made, made the hub's: its type, and a status in the body that matches the response's. */
    public static ProblemDetail adopt(ProblemDetail body, HttpStatusCode status) {
        body.setStatus(status.value());
        if (body.getType() == null || "about:blank".equals(body.getType().toString())) {
            body.setType(forStatus(status.value()));
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known != null) {
            body.setTitle(known.getReasonPhrase());
        }
        return body;
    }
}
