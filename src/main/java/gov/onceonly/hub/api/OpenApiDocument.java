package gov.onceonly.hub.api;

import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.Map;

/**
 * What springdoc cannot see in the controllers: the API's purpose, how callers authenticate, and the one error
 * shape of every endpoint (RFC 9457 problem details whose {@code errors} name the field and the rule).
 */
public final class OpenApiDocument implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String OPERATOR = "operator";
    static final String SIGNED = "signed";

    private static final Map<String, String> CLIENT_ERRORS = Map.of(
            "400", "Malformed or unknown input; errors name the field",
            "404", "No such application, item or bundle",
            "409", "The request conflicts with the state of the application or item",
            "413", "The body is larger than the hub accepts",
            "415", "The body is not JSON",
            "422", "The input is well-formed but breaks a rule; errors name the field and the rule");

    private final String version;

    public OpenApiDocument(String version) {
        this.version = version;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("一件事一次办 data-sharing hub").version(version).description("""
                Apply once for a life event: the hub pulls what the departments already hold, maps it onto each \
                item's data-demand list, pushes each item record to its department and follows it to its decision.

                Authentication: channels (the portal, the app, hall terminals) and department systems are \
                registered clients, each with an app key and a secret, and sign every call (scheme `signed`): \
                `X-Hub-Signature` = base64(HMAC-SHA256(secret, METHOD + "\\n" + path?query + "\\n" + timestamp + \
                "\\n" + nonce + "\\n" + hex(SHA-256(body)))), sent with `X-Hub-Key`, `X-Hub-Timestamp` (Unix \
                seconds, within 5 minutes of the hub's clock) and `X-Hub-Nonce` (16 to 64 of A-Z a-z 0-9 _ -, never \
                reused). The hub signs its http calls to departments the same way. The catalogue (/api/v1/bundles), \
                the hub's keys (/.well-known/jwks.json), the probes and this document are public. Operator \
                endpoints (/api/v1/ops/**, /actuator/hawtio, /actuator/jolokia) need the operator's credentials instead: HTTP Basic for scripts, the login form for a browser.

                Errors: every 4xx and 5xx answer is application/problem+json (RFC 9457) with a machine-readable \
                `type`, and for client errors an `errors` list naming each field, the rule it breaks and why."""));
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getComponents().addSecuritySchemes(OPERATOR, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description(
                        "An account of the hub: the operator (hub.security.operator.*, HUB_OPERATOR_PASSWORD) or, for "
                        + "the metrics, a viewer such as the scraper's (hub.security.accounts.*)"));
        api.getComponents().addSecuritySchemes(SIGNED, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Hub-Signature").description("""
                        HMAC-SHA256 request signature of a registered client: base64(HMAC-SHA256(secret, METHOD \\n \
                        path?query \\n X-Hub-Timestamp \\n X-Hub-Nonce \\n hex(SHA-256(body)))), with the headers \
                        X-Hub-Key (the app key), X-Hub-Timestamp (Unix seconds, ±5 minutes) and X-Hub-Nonce (used \
                        once). scripts/hubcurl signs with curl and openssl; docs/security.md has the details."""));
        // Hawtio's own plugin endpoint and Jolokia serve the console, not callers of the API.
        api.getPaths().keySet().removeIf(path -> path.startsWith("/actuator/hawtio") || path.startsWith("/actuator/jolokia"));
        api.getComponents().getSchemas().keySet().removeIf(name -> name.startsWith("Hawtio"));
        probes(api);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (isPublic(path)) {
                operation.setSecurity(List.of()); // stated, so that no reader takes a forgotten scheme for none
                operation.getResponses().addApiResponse("406", problem(
                        "The Accept header names no media type this operation answers in"));
            }
            if (path.startsWith("/api/")) {
                addProblems(path, operation);
            }
            if (path.startsWith("/api/v1/ops/")) {
                operation.addSecurityItem(new SecurityRequirement().addList(OPERATOR));
                operation.getResponses().addApiResponse("401", problem("Missing or wrong operator credentials"));
                operation.getResponses().addApiResponse("403", problem("These credentials are not the operator's"));
                operation.getResponses().addApiResponse("429", problem(
                        "Too many failed logins for this account or address; Retry-After says when to try again"));
            } else if (path.startsWith("/api/") && !path.startsWith("/api/v1/bundles")) {
                operation.addSecurityItem(new SecurityRequirement().addList(SIGNED));
                operation.getResponses().addApiResponse("401", problem(
                        "Unsigned, badly signed, stale (timestamp) or replayed (nonce) request; errors name the header"));
                operation.getResponses().addApiResponse("403", problem(
                        "This client's role may not use this operation, or the object is another caller's"));
                operation.getResponses().addApiResponse("429", problem(
                        "This client or address is over its rate limit; Retry-After says when to try again"));
            } else if (path.startsWith("/actuator")) {
                actuatorAnswers(path, operation);
            }
        }));
    }

    /** What anyone may call: the catalogue, the hub's signing keys, the probes and the actuator's index and info. */
    private static boolean isPublic(String path) {
        return path.startsWith("/api/v1/bundles") || path.startsWith("/.well-known/") || path.equals("/actuator")
                || path.startsWith("/actuator/health") || path.equals("/actuator/info");
    }

    /** The probes Kubernetes and compose call, which springdoc folds into one {@code /actuator/health/**}. */
    private static void probes(OpenAPI api) {
        PathItem health = api.getPaths() == null ? null : api.getPaths().get("/actuator/health");
        if (health == null || health.getGet() == null) {
            return;
        }
        api.getPaths().addPathItem("/actuator/health/liveness", new PathItem().get(new Operation()
                .operationId("liveness").summary("Liveness probe: the process only").tags(health.getGet().getTags())
                .responses(new ApiResponses().addApiResponse("200", health.getGet().getResponses().get("200")))));
        api.getPaths().addPathItem("/actuator/health/readiness", new PathItem().get(new Operation()
                .operationId("readiness").summary("Readiness probe: database, broker and routes, from their last background checks")
                .tags(health.getGet().getTags())
                .responses(new ApiResponses().addApiResponse("200", health.getGet().getResponses().get("200")))));
    }

    /**
     * What the actuator answers besides 200: health DOWN as 503 with the same body; everything but the probes'
     * status behind a login (401, 403 as problems).
     */
    private static void actuatorAnswers(String path, Operation operation) {
        ApiResponse ok = operation.getResponses().get("200");
        if (path.startsWith("/actuator/health") && ok != null) {
            operation.getResponses().addApiResponse("503", new ApiResponse()
                    .description("DOWN or OUT_OF_SERVICE: do not send work here").content(ok.getContent()));
        }
        if (!isPublic(path)) {
            operation.addSecurityItem(new SecurityRequirement().addList(OPERATOR));
            operation.getResponses().addApiResponse("401", problem("Missing or wrong account credentials"));
            operation.getResponses().addApiResponse("403", problem("This account's role may not use this endpoint"));
        }
    }

    private static void addProblems(String path, Operation operation) {
        CLIENT_ERRORS.forEach((status, description) -> {
            boolean applies = switch (status) {
                case "400" -> true;
                case "404" -> path.contains("{");
                default -> operation.getRequestBody() != null;
            };
            if (applies) {
                ApiResponse existing = operation.getResponses().get(status);
                operation.getResponses().addApiResponse(status, existing == null ? problem(description)
                        : existing.content(problemContent()));
            }
        });
        operation.getResponses().addApiResponse("500", problem("A fault of the hub; nothing of the input is lost"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema violation = new ObjectSchema();
        violation.addProperty("field", new StringSchema().description("The field, as a JSON path: form.babyName, items[2].id")
                .example("applicant.idNumber"));
        violation.addProperty("rule", new StringSchema().description("The rule it breaks").example("check-character"));
        violation.addProperty("message", new StringSchema().description("Why, for a person").example("has a wrong check character"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("urn:onceonly:problem:invalid-application"));
        problem.addProperty("title", new StringSchema().example("Invalid application"));
        problem.addProperty("status", new IntegerSchema().example(422));
        problem.addProperty("detail", new StringSchema().example("applicant.idNumber has a wrong check character"));
        problem.addProperty("instance", new StringSchema().example("/api/v1/applications"));
        problem.addProperty("errors", new ArraySchema().items(violation));
        problem.addProperty("problems", new ArraySchema().items(new StringSchema()
                .example("mappings/newborn.yaml:12:5: error: unknown dataset field 'birth.babySex'"))
                .description("A configuration's findings (a dry run's candidate), as file:line:column: severity: message"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
