package gov.onceonly.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 401 and 403 for API callers as problem details, like every other error of the API, instead of the login page
 * a browser gets. The body names the credential, never the object asked for.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"onceonly-hub\"");
        write(response, 401, "unauthenticated", "Unauthenticated",
                "this endpoint needs the operator's credentials", request.getRequestURI(), "Authorization", "operator");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (request.getAttribute(SignedRequestFilter.CLIENT) instanceof RegisteredClient client) {
            String detail = RequestSignature.KEY + " is a " + client.role().name().toLowerCase(java.util.Locale.ROOT)
                    + " client, which may not " + request.getMethod() + " " + request.getRequestURI();
            write(response, 403, "forbidden", "Forbidden", detail, request.getRequestURI(), RequestSignature.KEY, "role");
            return;
        }
        write(response, 403, "forbidden", "Forbidden", "these credentials may not use this endpoint",
                request.getRequestURI(), "Authorization", "operator");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A problem with one field error; {@code instance} may be null (a path that is no URI is not repeated). */
    static void write(HttpServletResponse response, int status, String type, String title, String detail,
                      String instance, String field, String rule) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:onceonly:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.put("errors", List.of(Map.of("field", field, "rule", rule, "message", detail)));
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
