package gov.onceonly.hub.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SandboxApplications;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** "Who looked at my data": the pulls and pushes of a person's applications, for a channel and the operator. */
class AccessLogIT extends HubIntegrationTest {

    @Autowired
    SandboxApplications examples;

    @Test
    void anEnterpriseSeesThePullsAndPushesOfItsData() throws Exception {
        SandboxApplications.Sample sample = examples.sample("business-startup");
        String statusUrl = hub.submit(sample.json());
        hub.awaitStatus(statusUrl, "IN_PROGRESS"); // the registration delivered, the rest waits for its decision
        String application = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        JsonNode log = hub.body(hub.get("/api/v1/subjects/" + sample.subjectKey() + "/access-log"));
        assertThat(log.path("subjectType").asText()).isEqualTo("enterprise");
        List<String> kinds = new ArrayList<>();
        log.path("entries").forEach(e -> {
            if (e.path("applicationId").asText().equals(application)) {
                kinds.add(e.path("kind").asText());
            }
        });
        assertThat(kinds).contains("PUSH").hasSize((int) (count("pulled_dataset where application_id = '" + application + "'")
                + count("application_item where application_id = '" + application + "' and delivered_at is not null")));
    }

    @Test
    void aPersonSeesEveryPullAndPushOfTheirDataWithFieldNamesOnly() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(42);
        String idNumber = family.mother().idNumber();
        String statusUrl = hub.submit(HubClient.newborn(idNumber, family.mother().name()));
        hub.awaitEveryItemDelivered(statusUrl);
        UUID application = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));

        HttpResponse<String> response = hub.get("/api/v1/subjects/" + idNumber + "/access-log");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode log = hub.body(response);
        assertThat(log.path("subject").asText()).isEqualTo(idNumber);
        assertThat(log.path("subjectType").asText()).isEqualTo("person");
        List<JsonNode> mine = new ArrayList<>();
        log.path("entries").forEach(e -> {
            if (e.path("applicationId").asText().equals(application.toString())) {
                mine.add(e);
            }
        });
        List<String> pulled = jdbc.queryForList("select connector_id || '/' || dataset from pulled_dataset where application_id = ?",
                String.class, application);
        assertThat(mine.stream().filter(e -> e.path("kind").asText().equals("PULL"))
                .map(e -> e.path("connector").asText() + "/" + e.path("dataset").asText()))
                .containsExactlyInAnyOrderElementsOf(pulled);
        List<String> items = jdbc.queryForList("select item_id from application_item where application_id = ?",
                String.class, application);
        List<JsonNode> pushes = mine.stream().filter(e -> e.path("kind").asText().equals("PUSH")).toList();
        assertThat(pushes.stream().filter(e -> !e.path("connector").asText().equals("dsj-certificate-intake"))
                .map(e -> e.path("item").asText())).containsExactlyInAnyOrderElementsOf(items);
        assertThat(pushes.stream().filter(e -> e.path("connector").asText().equals("dsj-certificate-intake"))
                .map(e -> e.path("item").asText())).as("the birth certificate, sent to the e-certificate library")
                .containsExactly("birth-certificate");
        for (JsonNode e : mine) {
            assertThat(e.path("department").asText()).as(e.toString()).isNotBlank();
            assertThat(e.path("consent").path("purpose").asText()).isEqualTo("新生儿出生一件事");
            assertThat(e.path("consent").path("givenAt").asText()).isNotBlank();
            assertThat(e.path("at").asText()).isNotBlank();
        }
        JsonNode birthCertificate = mine.stream().filter(e -> e.path("item").asText().equals("birth-certificate"))
                .findFirst().orElseThrow();
        assertThat(birthCertificate.path("fields").toString()).contains("\"babyName\"", "\"motherName\"");
        assertThat(response.body()).as("names, never values").doesNotContain(family.mother().name());

        HttpResponse<String> operator = hub.asOperator().unsigned().get("/api/v1/ops/subjects/" + idNumber + "/access-log");
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(hub.body(operator).path("count").asInt()).isEqualTo(log.path("count").asInt());

        JsonNode otherChannel = hub.body(hub.signedAs("other-portal", "other-portal-secret")
                .get("/api/v1/subjects/" + idNumber + "/access-log"));
        assertThat(otherChannel.path("count").asInt()).as("another channel sees nothing of this channel's applications")
                .isZero();
        assertThat(hub.unsigned().get("/api/v1/subjects/" + idNumber + "/access-log").statusCode()).isEqualTo(401);
        assertThat(hub.unsigned().get("/api/v1/applications/" + application + "/receipt").statusCode()).isEqualTo(401);
    }

    @Test
    void aDepartmentMayNotReadIt() throws Exception {
        String idNumber = familiesWithBirthRecords().get(43).mother().idNumber();
        HttpResponse<String> response = hub.signedAs("sandbox-weijian", "sandbox-weijian-secret")
                .get("/api/v1/subjects/" + idNumber + "/access-log");
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = hub.body(response).path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo("X-Hub-Key");
        assertThat(error.path("rule").asText()).isEqualTo("role");
    }

    @Test
    void theIdMustBeAnIdNumberOrACreditCode() throws Exception {
        String idNumber = familiesWithBirthRecords().get(43).mother().idNumber();
        char wrong = idNumber.charAt(17) == '1' ? '2' : '1';
        assertBadId(hub.get("/api/v1/subjects/" + idNumber.substring(0, 17) + wrong + "/access-log"), "GB11643");
        assertBadId(hub.get("/api/v1/subjects/not-a-subject/access-log"), "GB32100");
        assertBadId(hub.asOperator().unsigned().get("/api/v1/ops/subjects/12345/access-log"), "GB11643");

        String creditCode = "91500000" + "MA5U000000";
        char check = gov.onceonly.hub.subject.CreditCode.checkCharacter(creditCode.substring(0, 17));
        JsonNode enterprise = hub.body(hub.get("/api/v1/subjects/" + creditCode.substring(0, 17) + check + "/access-log"));
        assertThat(enterprise.path("subjectType").asText()).isEqualTo("enterprise");
        assertThat(enterprise.path("entries").isArray()).isTrue();
    }

    private void assertBadId(HttpResponse<String> response, String rule) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = hub.body(response).path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo("id");
        assertThat(error.path("rule").asText()).isEqualTo(rule);
    }
}
