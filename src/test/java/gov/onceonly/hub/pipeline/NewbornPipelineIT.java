package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A newborn application from POST to every item delivered at its sandbox target, over all three target kinds. */
class NewbornPipelineIT extends HubIntegrationTest {

    @Test
    void everyItemReachesItsDepartmentWithFieldsFromEverySourceKind() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(3);
        HttpResponse<String> accepted = hub.post("/api/v1/applications", HubClient.newborn(family.mother().idNumber(), family.mother().name()));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode ack = hub.body(accepted);
        String id = ack.path("id").asText();
        assertThat(ack.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(ack.path("statusUrl").asText()).isEqualTo("/api/v1/applications/" + id);

        JsonNode status = hub.awaitEveryItemDelivered(ack.path("statusUrl").asText());
        assertThat(status.path("bundle").asText()).isEqualTo("newborn");
        Map<String, JsonNode> items = new HashMap<>();
        status.path("items").forEach(item -> items.put(item.path("item").asText(), item));
        assertThat(items).containsOnlyKeys("birth-certificate", "household-registration", "medical-insurance",
                "social-security-card", "vaccination-certificate");
        items.values().forEach(item -> assertThat(item.path("deliveredAt").asText()).as(item.path("item").asText()).isNotBlank());
        assertThat(items.get("household-registration").path("department").asText()).isEqualTo("市公安局");

        // Each source kind contributed: http (population), jdbc (birth records), kafka (insured persons), and the
        // decisions of the items the others wait for.
        List<String> origins = StreamSupport.stream(status.path("items").spliterator(), false)
                .flatMap(item -> StreamSupport.stream(item.path("fields").spliterator(), false))
                .map(field -> field.path("origin").asText()).distinct().toList();
        assertThat(origins).contains("gongan-population/person", "weijian-birth-records/birth",
                "ybj-insured-persons/insured", "form", "item:birth-certificate", "item:household-registration");
        List<String> names = StreamSupport.stream(items.get("birth-certificate").path("fields").spliterator(), false)
                .map(f -> f.path("name").asText()).toList();
        assertThat(names).as("the data-demand list's order").startsWith("babyName", "babyGender", "birthTime", "birthPlace");
        JsonNode babyName = field(items.get("birth-certificate"), "babyName");
        assertThat(babyName.path("origin").asText()).isEqualTo("form");
        assertThat(field(items.get("birth-certificate"), "hospitalName").path("at").asText()).isNotBlank();

        int demanded = items.values().stream().mapToInt(item -> item.path("fields").size()).sum();
        assertThat(status.path("filledByHub").asInt() + status.path("filledByApplicant").asInt()).isEqualTo(demanded);
        assertThat(status.path("filledByHub").asInt()).isGreaterThan(status.path("filledByApplicant").asInt());

        // http targets: the approval systems kept the records, keyed by application id + item id.
        JsonNode certificate = delivered("weijian-approval", id + ":birth-certificate");
        assertThat(certificate.path("fields").path("hospitalName").asText()).isEqualTo(family.birth().hospitalName());
        assertThat(certificate.path("fields").path("motherName").asText()).isEqualTo(family.mother().name());
        assertThat(certificate.path("fields").has("insuredId")).as("only demanded fields travel").isFalse();
        JsonNode card = delivered("rlsb-card-approval", id + ":social-security-card");
        assertThat(card.path("fields").path("mailingAddress").asText()).isEqualTo("重庆市渝中区民族路100号");
        // kafka target: the enrolment system read it from its topic.
        JsonNode enrolment = delivered("ybj-enrolment", id + ":medical-insurance");
        assertThat(enrolment.path("fields").path("guardianInsuredId").asText()).isEqualTo(family.insuredId());
        // jdbc target: a row in the household exchange table.
        Map<String, Object> row = sandbox.databases().householdExchange().stream()
                .filter(r -> r.get("idempotencyKey").equals(id + ":household-registration")).findFirst().orElseThrow();
        assertThat(json.readTree((String) row.get("record")).path("fields").path("medicalCertificateNo").asText())
                .as("the number 市卫生健康委 decided the certificate with")
                .isEqualTo(items.get("birth-certificate").path("certificateNo").asText()).isNotBlank();
        assertThat(row.get("duplicateCount")).isEqualTo(0);
        assertThat(sandbox.inbox().withoutKey()).isZero();
    }

    @Test
    void aDatasetDemandedByFourItemsIsAskedOnce() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(4);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        hub.awaitEveryItemDelivered(statusUrl);
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

        assertThat(sandbox.lookups().count("gongan-population", family.mother().idNumber())).isEqualTo(1);
        List<String> pulled = jdbc.queryForList(
                "select connector_id || '/' || dataset from pulled_dataset where application_id = ?::uuid", String.class, id);
        assertThat(pulled).containsExactlyInAnyOrder("gongan-population/person", "weijian-birth-records/birth",
                "ybj-insured-persons/insured");
    }

    /** The record a sandbox system received; a Kafka target reads its topic a moment after the hub's send. */
    private JsonNode delivered(String system, String idempotencyKey) throws Exception {
        Optional<ApprovalInbox.Received> received = await().atMost(Duration.ofSeconds(10)).until(
                () -> sandbox.inbox().received(system).stream().filter(r -> idempotencyKey.equals(r.idempotencyKey())).findFirst(),
                Optional::isPresent);
        return json.readTree(received.orElseThrow().body());
    }

    private static JsonNode field(JsonNode item, String name) {
        for (JsonNode field : item.path("fields")) {
            if (name.equals(field.path("name").asText())) {
                return field;
            }
        }
        throw new AssertionError("item " + item.path("item").asText() + " has no field " + name);
    }
}
