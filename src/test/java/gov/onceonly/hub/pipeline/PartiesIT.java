package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More than one data subject: the deceased of 公民身后 (pulled by their own ID number, on the legal basis the mapping
 * states, which the evidence records) and the spouse of 公民婚育 (pulled by theirs, under their own consent; without
 * it, nothing of theirs is pulled). Each sees the pulls of their own data in their access log.
 */
class PartiesIT extends HubIntegrationTest {

    @Autowired
    SandboxApplications applications;

    @Test
    void theDeceasedIsLookedUpByTheirOwnKeyOnTheLegalBasisTheMappingStates() throws Exception {
        SandboxApplications.Sample sample = applications.sample("after-death");
        String deceased = json.readTree(sample.json()).path("parties").path("deceased").path("idNumber").asText();
        assertThat(deceased).isNotBlank().isNotEqualTo(sample.subjectKey());
        int lookupsBefore = sandbox.lookups().count("gongan-population", deceased);
        String statusUrl = hub.submit(sample.json());
        JsonNode view = hub.awaitEveryItemDelivered(statusUrl, Duration.ofSeconds(30));
        String id = view.path("id").asText();

        assertThat(sandbox.lookups().count("gongan-population", deceased)).as("asked by the deceased's key")
                .isEqualTo(lookupsBefore + 1);
        Map<String, Object> register = sandbox.catalogue().records().populationRecord(deceased).orElseThrow();
        JsonNode household = json.readTree(sandbox.catalogue().delivered("gongan-household-exchange",
                id + ":household-deregistration").orElseThrow()).path("fields");
        assertThat(household.path("deceasedHouseholdNumber").asText()).isEqualTo(register.get("householdNumber"));
        assertThat(household.path("declarantIdNumber").asText()).isEqualTo(sample.subjectKey());
        assertThat(origin(HubClient.item(view, "household-deregistration"), "deceasedHouseholdNumber"))
                .isEqualTo("gongan-population/person@deceased");

        String detail = jdbc.queryForObject("""
                select detail from evidence_entry where application_id = ?::uuid and kind = 'PULL'
                  and party = 'gongan-population/person@deceased'""", String.class, id);
        assertThat(json.readTree(detail).path("legalBasis").asText()).startsWith("《中华人民共和国户口登记条例》");

        List<JsonNode> theirs = entries(deceased, id);
        assertThat(theirs).singleElement().satisfies(entry -> {
            assertThat(entry.path("dataset").asText()).isEqualTo("person@deceased");
            assertThat(entry.path("consent").path("purpose").asText()).startsWith("《中华人民共和国户口登记条例》");
        });
        assertThat(entries(sample.subjectKey(), id)).as("the applicant's log lists their own data only")
                .noneMatch(entry -> entry.path("dataset").asText().contains("@"));
    }

    @Test
    void aSpousesDataIsPulledUnderTheirConsentAndNothingOfTheirsWithoutIt() throws Exception {
        SandboxApplications.Sample sample = applications.sample("marriage-and-childbirth");
        String spouse = json.readTree(sample.json()).path("parties").path("spouse").path("idNumber").asText();

        String consented = hub.awaitEveryItemDelivered(hub.submit(sample.json()), Duration.ofSeconds(30)).path("id").asText();
        assertThat(pulled(consented)).contains("gongan-population/person@spouse");
        JsonNode birth = json.readTree(sandbox.catalogue().delivered("weijian-approval", consented + ":birth-registration")
                .orElseThrow()).path("fields");
        assertThat(birth.path("spouseHouseholdAddress").asText())
                .isEqualTo(sandbox.catalogue().records().populationRecord(spouse).orElseThrow().get("householdAddress"));
        assertThat(entries(spouse, consented)).singleElement()
                .satisfies(entry -> assertThat(entry.path("dataset").asText()).isEqualTo("person@spouse"));

        ObjectNode refused = (ObjectNode) json.readTree(sample.json());
        ((ObjectNode) refused.path("parties").path("spouse")).set("consent",
                json.readTree("{\"granted\":false,\"purpose\":\"公民婚育一件事\"}"));
        int lookupsBefore = sandbox.lookups().count("gongan-population", spouse);
        String statusUrl = hub.submit(refused.toString());
        JsonNode view = hub.awaitStatus(statusUrl, "NEEDS_MATERIALS");
        String id = view.path("id").asText();
        assertThat(pulled(id)).noneMatch(label -> label.endsWith("@spouse"));
        assertThat(sandbox.lookups().count("gongan-population", spouse)).as("never asked by the spouse's key")
                .isEqualTo(lookupsBefore);
        assertThat(jdbc.queryForObject("select count(*) from evidence_entry where application_id = ?::uuid and party like '%@spouse'",
                Integer.class, id)).isZero();
        assertThat(texts(HubClient.item(view, "household-marital-status").path("missing")))
                .containsExactly("spouseHouseholdNumber", "spouseHouseholdAddress");
        assertThat(HubClient.item(view, "health-handbook").path("missing")).as("an item that needs nothing of theirs").isEmpty();
        assertThat(entries(spouse, id)).isEmpty();
    }

    private List<String> pulled(String id) {
        return jdbc.queryForList("select connector_id || '/' || dataset from pulled_dataset where application_id = ?::uuid",
                String.class, id);
    }

    /** The subject's access-log entries under one application. */
    private List<JsonNode> entries(String subject, String applicationId) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        hub.body(hub.get("/api/v1/subjects/" + subject + "/access-log")).path("entries").forEach(entry -> {
            if (entry.path("applicationId").asText().equals(applicationId) && entry.path("kind").asText().equals("PULL")) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static String origin(JsonNode item, String field) {
        for (JsonNode shown : item.path("fields")) {
            if (shown.path("name").asText().equals(field)) {
                return shown.path("origin").asText();
            }
        }
        throw new AssertionError("no field " + field + " in " + item);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
