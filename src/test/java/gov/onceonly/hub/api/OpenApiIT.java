package gov.onceonly.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.ProjectScript;
import io.swagger.v3.oas.annotations.Hidden;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document covers every endpoint the hub's controllers serve, with the problem-details shape. */
class OpenApiIT extends HubIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheHubIsDocumented() throws Exception {
        JsonNode paths = hub.body(hub.get("/api/v1/openapi.json")).path("paths");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Class<?> controller = mapping.getValue().getBeanType();
            if (!controller.getPackageName().startsWith("gov.onceonly.hub") || controller.isAnnotationPresent(Hidden.class)) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    checked++;
                    if (!paths.path(path).has(method.name().toLowerCase())) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(missing).as("endpoints missing from the OpenAPI document").isEmpty();
        assertThat(paths.has("/actuator/health")).isTrue();
        assertThat(paths.has("/actuator/prometheus")).isTrue();
    }

    @Test
    void errorsAreProblemDetailsAndOpsNeedTheOperator() throws Exception {
        JsonNode api = hub.body(hub.get("/api/v1/openapi.json"));
        JsonNode problem = api.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "instance", "errors");
        JsonNode submit = api.path("paths").path("/api/v1/applications").path("post").path("responses");
        assertThat(submit.path("422").path("content").path("application/problem+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        JsonNode replay = api.path("paths").path("/api/v1/ops/deliveries/replay").path("post");
        assertThat(replay.path("security").get(0).has("operator")).isTrue();
        assertThat(replay.path("responses").has("401")).isTrue();
        assertThat(api.path("components").path("securitySchemes").path("operator").path("scheme").asText()).isEqualTo("basic");
    }

    @Test
    void theDocumentSaysWhatTheHubReallyAnswers() throws Exception {
        JsonNode api = hub.body(hub.get("/api/v1/openapi.json"));
        JsonNode submit = api.path("paths").path("/api/v1/applications").path("post").path("responses");
        assertThat(submit.has("202")).as("an application is accepted, not done").isTrue();
        assertThat(submit.has("429")).isTrue();
        JsonNode schemas = api.path("components").path("schemas");
        // The status view's items and the catalogue's are two schemas, not one name for both.
        assertThat(schemas.path("Item").path("properties").has("deptStatus")).isTrue();
        assertThat(schemas.path("BundleItem").path("properties").has("exemptMaterials")
                || schemas.path("BundleItem").path("properties").has("demands")).isTrue();
        assertThat(schemas.path("Item").path("properties").path("deliveredAt").path("nullable").asBoolean()).isTrue();
        // A referenced record that may be null is marked itself (OpenAPI 3.0 ignores siblings of $ref).
        assertThat(schemas.path("ApplicationView").path("properties").path("waiting").path("$ref").asText())
                .isEqualTo("#/components/schemas/Waiting");
        assertThat(schemas.path("Waiting").path("nullable").asBoolean()).isTrue();
        assertThat(schemas.path("Item").path("required")).extracting(JsonNode::asText).contains("attempts");
        // The limits the hub enforces are stated, so a schema-valid request is not refused.
        JsonNode limit = parameter(api, "/api/v1/ops/deliveries", "limit");
        assertThat(limit.path("schema").path("minimum").asInt()).isEqualTo(1);
        assertThat(limit.path("schema").path("maximum").asInt()).isEqualTo(5000);
        assertThat(parameter(api, "/api/v1/bundles", "type").path("schema").path("enum"))
                .extracting(JsonNode::asText).containsExactly("personal", "enterprise");
        // GB 11643 and GB 32100 ids: their shape (the check characters are the hub's to check).
        assertThat(schemas.path("Applicant").path("properties").path("idNumber").path("pattern").asText())
                .isEqualTo("^[0-9]{17}[0-9X]$");
        assertThat(api.path("paths").path("/api/v1/subjects/{id}/access-log").path("get").path("parameters").get(0)
                .path("schema").path("pattern").asText()).contains("[0-9]{17}[0-9X]", "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}");
        assertThat(api.path("paths").path("/actuator/health/readiness").path("get").path("responses").has("503")).isTrue();
        assertThat(api.path("paths").path("/api/v1/schemas/{name}.json").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema").path("type").asText()).isEqualTo("object");
    }

    private static JsonNode parameter(JsonNode api, String path, String name) {
        for (JsonNode parameter : api.path("paths").path(path).path("get").path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " of GET " + path);
    }

    /** Redocly CLI's recommended rules, with the project's redocly.yaml, as scripts/lint-openapi runs them. */
    @Test
    void theDocumentLintsCleanWithRedocly() throws Exception {
        Path document = Path.of("target", "openapi.json");
        Files.createDirectories(document.getParent());
        Files.writeString(document, hub.get("/api/v1/openapi.json").body());
        ProjectScript.Result lint = new ProjectScript("lint-openapi").run("", Duration.ofMinutes(5), document.toString());
        assertThat(lint.exitCode()).as("scripts/lint-openapi target/openapi.json:%n%s", lint.output()).isZero();
        assertThat(lint.output()).contains("Woohoo! Your API description is valid.").doesNotContain("warning");
    }

    @Test
    void publicOperationsSaySoAndTheConsoleIsNotPartOfTheApi() throws Exception {
        JsonNode paths = hub.body(hub.get("/api/v1/openapi.json")).path("paths");
        for (String path : List.of("/api/v1/bundles", "/.well-known/jwks.json", "/actuator/health/readiness")) {
            assertThat(paths.path(path).path("get").path("security").isArray()).as(path).isTrue();
            assertThat(paths.path(path).path("get").path("security")).as(path).isEmpty();
        }
        assertThat(paths.path("/actuator/prometheus").path("get").path("security").get(0).has("operator")).isTrue();
        assertThat(paths.fieldNames()).toIterable().noneMatch(path -> path.startsWith("/actuator/hawtio"));
    }

    @Test
    void theYamlDocumentIsTheSame() throws Exception {
        JsonNode json = hub.body(hub.get("/api/v1/openapi.json"));
        JsonNode yaml = new YAMLMapper().readTree(hub.get("/api/v1/openapi.yaml").body());
        assertThat(yaml.path("paths").size()).isEqualTo(json.path("paths").size());
        assertThat(yaml.path("info").path("title").asText()).isEqualTo(json.path("info").path("title").asText());
    }
}
