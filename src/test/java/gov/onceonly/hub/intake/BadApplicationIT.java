package gov.onceonly.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad input gets a 4xx RFC 9457 problem that names the field and the rule, and leaves no row behind:
 * no application and no outbox message.
 */
class BadApplicationIT extends HubIntegrationTest {

    @org.springframework.beans.factory.annotation.Value("${hub.topics.applications}")
    String applicationsTopic;
    private SyntheticPeople.Family family;
    private String valid;
    private long applicationsBefore;
    private long outboxBefore;

    @BeforeEach
    void rememberCounts() {
        family = familiesWithBirthRecords().get(0);
        valid = HubClient.newborn(family.mother().idNumber(), family.mother().name());
        applicationsBefore = count("application");
        outboxBefore = applicationMessages();
    }

    /**
     * The intake's messages in the outbox: the other rows (items released by a department's decision, notices) belong
     * to earlier tests' applications, whose departments may still be deciding.
     */
    private long applicationMessages() {
        return count("outbox where topic = '" + applicationsTopic + "'");
    }

    @Test
    void unknownBundle() throws Exception {
        JsonNode problem = rejected(hub.post("/api/v1/applications", valid.replace("\"bundle\":\"newborn\"", "\"bundle\":\"moon-landing\"")), 422);
        assertViolation(problem, "bundle", "known-bundle");
    }

    @Test
    void missingConsent() throws Exception {
        String withoutConsent = valid.replace("\"consent\":{\"granted\":true,\"purpose\":\"新生儿出生一件事\"},", "");
        assertViolation(rejected(hub.post("/api/v1/applications", withoutConsent), 422), "consent", "required");
    }

    @Test
    void consentNotGranted() throws Exception {
        String refused = valid.replace("\"granted\":true", "\"granted\":false");
        assertViolation(rejected(hub.post("/api/v1/applications", refused), 422), "consent.granted", "must-be-true");
    }

    @Test
    void idNumberWithWrongCheckCharacter() throws Exception {
        String id = family.mother().idNumber();
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        String body = valid.replace(id, id.substring(0, 17) + wrong);
        JsonNode problem = rejected(hub.post("/api/v1/applications", body), 422);
        assertViolation(problem, "applicant.idNumber", "GB11643");
        assertThat(problem.toString()).doesNotContain(id.substring(0, 17));
    }

    @Test
    void missingRequiredFormField() throws Exception {
        String body = valid.replace("\"contactPhone\":\"13800138000\",", "");
        assertViolation(rejected(hub.post("/api/v1/applications", body), 422), "form.contactPhone", "required");
    }

    @Test
    void unknownFormField() throws Exception {
        String body = valid.replace("\"babyName\":", "\"favouriteColour\":\"blue\",\"babyName\":");
        assertViolation(rejected(hub.post("/api/v1/applications", body), 422), "form.favouriteColour", "unknown-field");
    }

    @Test
    void formFieldBreakingItsPattern() throws Exception {
        String body = valid.replace("13800138000", "12345");
        assertViolation(rejected(hub.post("/api/v1/applications", body), 422), "form.contactPhone", "pattern");
    }

    @Test
    void nulCharactersAreRefusedNamingTheFieldNotAServerError() throws Exception {
        String name = family.mother().name();
        String body = valid.replace("小宝\"", "小\\u0000宝\"")
                .replace("\"name\":\"" + name + "\"", "\"name\":\"" + name + "\\u0000\"")
                .replace("新生儿出生一件事", "新生儿\\u0000出生一件事");
        JsonNode problem = rejected(hub.post("/api/v1/applications", body), 422);
        assertViolation(problem, "form.babyName", "no-nul-character");
        assertViolation(problem, "applicant.name", "no-nul-character");
        assertViolation(problem, "consent.purpose", "no-nul-character");
    }

    @Test
    void unknownTopLevelProperty() throws Exception {
        String body = valid.replaceFirst("\\{", "{\"priority\":\"high\",");
        JsonNode problem = rejected(hub.post("/api/v1/applications", body), 400);
        assertThat(problem.path("type").asText()).endsWith("unknown-property");
        assertThat(problem.path("detail").asText()).contains("priority");
    }

    @Test
    void malformedJson() throws Exception {
        JsonNode problem = rejected(hub.post("/api/v1/applications", valid.substring(0, valid.length() - 3)), 400);
        assertThat(problem.path("type").asText()).endsWith("malformed-json");
    }

    @Test
    void wrongJsonType() throws Exception {
        String body = valid.replace("\"granted\":true", "\"granted\":[1]");
        JsonNode problem = rejected(hub.post("/api/v1/applications", body), 400);
        assertViolation(problem, "consent.granted", "type");
    }

    @Test
    void bodyOverTheLimit() throws Exception {
        String padding = "x".repeat(70_000);
        String body = valid.replace("\"babyName\":", "\"padding\":\"" + padding + "\",\"babyName\":");
        JsonNode problem = rejected(hub.post("/api/v1/applications", body), 413);
        assertViolation(problem, "body", "maxBytes");
    }

    @Test
    void jsonNestedTooDeeply() throws Exception {
        String deep = "[".repeat(40) + "]".repeat(40);
        String body = valid.replace("\"babyName\":", "\"nested\":" + deep + ",\"babyName\":");
        assertViolation(rejected(hub.post("/api/v1/applications", body), 400), "body", "maxDepth");
    }

    @Test
    void consentGivenInTheFuture() throws Exception {
        String body = valid.replace("\"granted\":true", "\"granted\":true,\"givenAt\":\"2999-01-01T00:00:00Z\"");
        assertViolation(rejected(hub.post("/api/v1/applications", body), 422), "consent.givenAt", "not-in-future");
    }

    @Test
    void tooManyConsentedDatasets() throws Exception {
        StringBuilder datasets = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            datasets.append(i == 0 ? "" : ",").append("\"source-").append(i).append("/dataset\"");
        }
        String body = valid.replace("\"granted\":true", "\"granted\":true,\"datasets\":[" + datasets + "]");
        assertViolation(rejected(hub.post("/api/v1/applications", body), 422), "consent.datasets", "maxItems");
    }

    @Test
    void notJsonAtAll() throws Exception {
        HttpResponse<String> response = hub.post("/api/v1/applications", "text/plain", "hello");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertNothingStored();
    }

    private JsonNode rejected(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = hub.body(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).as("a problem type of the hub's own").startsWith("urn:onceonly:problem:");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertNothingStored();
        return problem;
    }

    private void assertNothingStored() {
        assertThat(count("application")).isEqualTo(applicationsBefore);
        assertThat(applicationMessages()).isEqualTo(outboxBefore);
    }

    private static void assertViolation(JsonNode problem, String field, String rule) {
        boolean named = false;
        for (JsonNode error : problem.path("errors")) {
            named |= field.equals(error.path("field").asText()) && rule.equals(error.path("rule").asText());
        }
        assertThat(named).as("problem %s names %s / %s", problem, field, rule).isTrue();
    }
}
