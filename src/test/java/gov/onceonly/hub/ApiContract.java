package gov.onceonly.hub;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract test: every response an integration test gets through {@link HubClient} is checked against the
 * OpenAPI document the same hub publishes ({@code /api/v1/openapi}), by Atlassian's swagger-request-validator: its
 * status must be documented for the operation, its content type too, and its body must match the documented
 * schema. A drift fails the test that met it. Requests are not judged (tests send bad ones on purpose), and a path
 * the document does not have is left to the test.
 */
final class ApiContract {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    /** Throws an AssertionError naming each way the response breaks the document. */
    static void check(String base, HttpClient http, String method, URI uri, HttpResponse<String> response) {
        String path = uri.getRawPath();
        if (path.equals("/api/v1/openapi")) {
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(base, b -> load(b, http));
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path, true);
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                request.withQueryParam(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        ValidationReport report = validator.validate(request.build(), answer.build());
        List<String> drift = report.getMessages().stream()
                .filter(m -> m.getKey().startsWith("validation.response"))
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
        if (!drift.isEmpty()) {
            throw new AssertionError("the hub's answer to " + method + " " + path + " (" + response.statusCode()
                    + ") breaks its own OpenAPI document:\n  " + String.join("\n  ", drift) + "\nbody: "
                    + abbreviate(response.body()));
        }
    }

    private static OpenApiInteractionValidator load(String base, HttpClient http) {
        try {
            String document = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/openapi")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 600 ? String.valueOf(body) : body.substring(0, 600) + "…";
    }
}
