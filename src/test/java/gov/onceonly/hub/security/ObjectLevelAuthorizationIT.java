package gov.onceonly.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level authorization (OWASP API1, API3, API5): a channel sees only what it submitted, a department only its
 * own items; a wrong role is 403, and someone else's object is the very 404 an unknown one is.
 */
class ObjectLevelAuthorizationIT extends HubIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    gov.onceonly.hub.sandbox.SandboxApplications applications;

    @Test
    void aChannelSeesOnlyTheApplicationsItSubmitted() throws Exception {
        String id = delivered(241).path("id").asText();
        HubClient otherChannel = hub.signedAs("it-app", "it-app-secret");

        HttpResponse<String> foreign = otherChannel.get("/api/v1/applications/" + id);
        HttpResponse<String> unknown = otherChannel.get("/api/v1/applications/" + UUID.randomUUID());
        assertLooksUnknown(foreign, unknown);
        assertThat(foreign.body()).doesNotContain("newborn").doesNotContain("birth-certificate");

        HttpResponse<String> materials = otherChannel.post("/api/v1/applications/" + id + "/materials",
                "{\"fields\":{\"birthTime\":\"2023-05-01T08:30\"}}");
        assertLooksUnknown(materials, otherChannel.post("/api/v1/applications/" + UUID.randomUUID() + "/materials",
                "{\"fields\":{\"birthTime\":\"2023-05-01T08:30\"}}"));
        assertThat(hub.get("/api/v1/applications/" + id).statusCode()).as("its own channel still sees it").isEqualTo(200);
    }

    /** This test reports as the departments. */
    @org.junit.jupiter.api.BeforeEach
    void departmentsWait() {
        departmentsDecide(false);
    }

    @Test
    void aDepartmentSeesAndReportsOnlyItsOwnItems() throws Exception {
        JsonNode all = delivered(242);
        String id = all.path("id").asText();

        JsonNode weijian = hub.body(hub.asDepartment("市卫生健康委").get("/api/v1/applications/" + id));
        assertThat(weijian.path("items").findValuesAsText("department")).isNotEmpty().containsOnly("市卫生健康委");
        assertThat(weijian.path("items").size()).isLessThan(all.path("items").size());

        HubClient gongan = hub.asDepartment("市公安局");
        HttpResponse<String> foreignItem = gongan.post("/api/v1/applications/" + id + "/items/vaccination-certificate/status",
                "{\"status\":\"ACCEPTED\"}");
        HttpResponse<String> unknownItem = gongan.post("/api/v1/applications/" + id + "/items/no-such-item/status",
                "{\"status\":\"ACCEPTED\"}");
        assertThat(foreignItem.statusCode()).as(foreignItem.body()).isEqualTo(404);
        assertThat(hub.body(foreignItem).path("type")).isEqualTo(hub.body(unknownItem).path("type"));
        assertThat(item(hub.body(hub.get("/api/v1/applications/" + id)), "vaccination-certificate").path("deptStatus").isNull())
                .as("another department's report changed nothing").isTrue();

        assertThat(weijian.path("waiting").isNull()).as("nothing about other departments' sources").isTrue();

        HttpResponse<String> own = hub.asDepartment("市卫生健康委").post(
                "/api/v1/applications/" + id + "/items/vaccination-certificate/status", "{\"status\":\"ACCEPTED\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    @Test
    void aDepartmentWithNoItemInAnApplicationGetsTheAnswerOfAnUnknownOne() throws Exception {
        String business = hub.submit(applications.sample("business-startup").json());
        String id = hub.awaitStatus(business, "IN_PROGRESS").path("id").asText(); // the rest waits for the registration
        HubClient weijian = hub.asDepartment("市卫生健康委");
        assertLooksUnknown(weijian.get("/api/v1/applications/" + id), weijian.get("/api/v1/applications/" + UUID.randomUUID()));
        assertLooksUnknown(weijian.post("/api/v1/applications/" + id + "/items/e-business-licence/status",
                "{\"status\":\"ACCEPTED\"}"), weijian.post("/api/v1/applications/" + UUID.randomUUID()
                + "/items/e-business-licence/status", "{\"status\":\"ACCEPTED\"}"));
    }

    @Test
    void aClientOfTheWrongRoleIsForbiddenNamingItsKey() throws Exception {
        String id = delivered(243).path("id").asText();
        assertForbidden(hub.post("/api/v1/applications/" + id + "/items/birth-certificate/status", "{\"status\":\"ACCEPTED\"}"));
        var mother = familiesWithBirthRecords().get(243).mother();
        assertForbidden(hub.asDepartment("市卫生健康委").post("/api/v1/applications",
                HubClient.newborn(mother.idNumber(), mother.name())));
        assertForbidden(hub.asDepartment("市卫生健康委").post("/api/v1/applications/" + id + "/materials",
                "{\"fields\":{\"birthTime\":\"2023-05-01T08:30\"}}"));
    }

    /** Every item of a newborn application at its department, the vaccination certificate among them undecided. */
    private JsonNode delivered(int family) throws Exception {
        return hub.body(hub.get("/api/v1/applications/" + newbornWithEveryItemDelivered(familiesWithBirthRecords().get(family))));
    }

    private void assertLooksUnknown(HttpResponse<String> foreign, HttpResponse<String> unknown) throws Exception {
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        JsonNode a = hub.body(foreign);
        JsonNode b = hub.body(unknown);
        assertThat(a.path("type")).isEqualTo(b.path("type"));
        assertThat(a.path("title")).isEqualTo(b.path("title"));
        assertThat(a.at("/errors/0/field")).isEqualTo(b.at("/errors/0/field"));
        assertThat(a.at("/errors/0/rule")).isEqualTo(b.at("/errors/0/rule"));
    }

    private void assertForbidden(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(hub.body(response).path("errors").get(0).path("field").asText()).isEqualTo(RequestSignature.KEY);
    }

    private static JsonNode item(JsonNode view, String item) {
        for (JsonNode shown : view.path("items")) {
            if (shown.path("item").asText().equals(item)) {
                return shown;
            }
        }
        throw new AssertionError("no item " + item);
    }
}
