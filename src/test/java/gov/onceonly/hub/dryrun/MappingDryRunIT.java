package gov.onceonly.hub.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A candidate newborn mapping replayed against the last application: one field takes another source field
 * (changes), one is added from the form (appears), one is dropped (disappears), one comes from a field the
 * source was never asked for (not recorded). Nothing is delivered again.
 */
class MappingDryRunIT extends HubIntegrationTest {

    @Test
    void aCandidateMappingShowsWhatEachItemWouldCarry() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(21);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        UUID id = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from application_item where application_id = ?", Long.class, id) == 5);
        JsonNode before = itemRecord(id, "birth-certificate");
        long queued = queuedFor(id);

        // Only the first item (birth-certificate) is edited; the others demand some of the same fields.
        String candidate = first(first(Files.readString(Path.of("mappings/newborn.yaml")),
                "      hospitalName: { from: weijian-birth-records/birth.hospitalName }\n",
                "      hospitalName: { from: weijian-birth-records/birth.birthPlace }\n"
                        + "      contactPhone: { from: form.contactPhone }\n"
                        + "      motherNativePlace: { from: gongan-population/person.nativePlace, required: false }\n"),
                "      motherEthnicity: { from: gongan-population/person.ethnicity }\n", "");
        HttpResponse<String> response = hub.asOperator().post("/api/v1/ops/mappings/newborn/dry-run?last=1", "application/yaml", candidate);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = hub.body(response);
        assertThat(report.path("replayed").asInt()).isEqualTo(1);
        JsonNode application = report.path("applications").get(0);
        assertThat(application.path("applicationId").asText()).isEqualTo(id.toString());
        JsonNode birth = item(application, "birth-certificate");
        assertThat(birth.path("change").asText()).isEqualTo("CHANGED");
        assertThat(birth.path("changed").path("hospitalName").path("before").asText()).isEqualTo(before.path("hospitalName").asText());
        assertThat(birth.path("changed").path("hospitalName").path("after").asText()).isEqualTo(before.path("birthPlace").asText());
        assertThat(birth.path("appeared").path("contactPhone").asText()).isEqualTo("13800138000");
        assertThat(birth.path("disappeared").path("motherEthnicity").asText()).isEqualTo(before.path("motherEthnicity").asText());
        assertThat(birth.path("notRecorded").toString()).contains("motherNativePlace (gongan-population/person.nativePlace)");
        assertThat(birth.path("changed").size()).isEqualTo(1);
        assertThat(item(application, "household-registration").path("change").asText()).isEqualTo("UNCHANGED");
        assertThat(queuedFor(id)).as("a dry-run queues nothing").isEqualTo(queued);
    }

    @Test
    void anInvalidCandidateIsRefusedWithTheLintsFileLineAndColumn() throws Exception {
        String candidate = Files.readString(Path.of("mappings/newborn.yaml"))
                .replace("babyGender: { from: weijian-birth-records/birth.babyGender }",
                        "babyGender: { from: weijian-birth-records/birth.babySex }");
        int line = candidate.lines().toList().indexOf(candidate.lines().filter(l -> l.contains("babySex")).findFirst().orElseThrow()) + 1;
        HttpResponse<String> response = hub.asOperator().post("/api/v1/ops/mappings/newborn/dry-run", "application/yaml", candidate);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(hub.body(response).path("problems").get(0).asText())
                .startsWith("mappings/newborn.yaml:" + line + ":")
                .contains("unknown dataset field 'birth.babySex'");
        assertThat(hub.asOperator().post("/api/v1/ops/mappings/no-such/dry-run", "application/yaml", candidate).statusCode()).isEqualTo(404);
    }

    @Test
    void aCandidateWithACharacterYamlForbidsIsRefusedNotA500() throws Exception {
        HttpResponse<String> response = hub.asOperator().post("/api/v1/ops/mappings/newborn/dry-run", "application/yaml",
                "id: newborn\nname: x\u0000\n");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(hub.body(response).path("problems").get(0).asText())
                .startsWith("mappings/newborn.yaml:2:8:").contains("U+0000");
    }

    @Test
    void theSchemasArePublished() throws Exception {
        HttpResponse<String> connector = hub.get("/api/v1/schemas/connector.json");
        assertThat(connector.statusCode()).isEqualTo(200);
        assertThat(hub.body(connector).path("properties").has("datasets")).isTrue();
        assertThat(hub.body(hub.get("/api/v1/schemas/mapping.json")).path("properties").has("items")).isTrue();
        assertThat(hub.get("/api/v1/schemas/camel-yaml-dsl.json").statusCode()).isEqualTo(200);
        assertThat(hub.get("/api/v1/schemas/nope.json").statusCode()).isEqualTo(404);
    }

    private static String first(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertThat(at).as(target).isNotNegative();
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    private long queuedFor(UUID id) {
        return jdbc.queryForObject("select count(*) from outbox where message_key = ?", Long.class, id.toString());
    }

    private static JsonNode item(JsonNode application, String id) {
        for (JsonNode item : application.path("items")) {
            if (item.path("item").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + application);
    }
}
