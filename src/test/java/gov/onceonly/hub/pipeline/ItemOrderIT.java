package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import gov.onceonly.hub.subject.CitizenIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The business-collaboration order of the newborn bundle, with this test as the departments' systems: the household
 * registration and the vaccination certificate wait for the birth certificate to be done (they need its number), the
 * medical insurance and the social security card for the household registration (they are issued to the child's
 * citizen ID number, its output). Checked where it counts, at the departments: nothing arrives before what it waits
 * for is that far, outputs arrive in the items that take them, and a rejection cancels exactly the items that wait
 * for it, directly or not, which are then never sent.
 */
class ItemOrderIT extends HubIntegrationTest {

    private static final String CHILD_ID_NUMBER = "50010320240101123" + CitizenIdNumber.checkCharacter("50010320240101123");

    @BeforeEach
    void thisTestIsTheDepartments() {
        departmentsDecide(false);
    }

    @Test
    void anItemGoesOutOnlyOnceWhatItWaitsForIsThatFar() throws Exception {
        String id = submit(familiesWithBirthRecords().get(60));
        awaitItem(id, "birth-certificate", "DELIVERED");
        // The view reads the application, then its items: await the status the delivery's transaction left too.
        JsonNode view = hub.awaitStatus("/api/v1/applications/" + id, "IN_PROGRESS");
        assertThat(statuses(view)).containsEntry("household-registration", "WAITING")
                .containsEntry("vaccination-certificate", "WAITING").containsEntry("medical-insurance", "WAITING")
                .containsEntry("social-security-card", "WAITING");
        assertThat(HubClient.item(view, "social-security-card").path("waitsFor").toString())
                .isEqualTo("{\"household-registration\":\"done\"}");
        assertThat(received("weijian-approval", id + ":vaccination-certificate")).isEmpty();
        assertThat(sandbox.databases().householdExchange()).noneMatch(row -> row.get("applicationId").equals(id));

        // Accepted is not done: the status is settled when the report is answered, so nothing moved.
        ok(report(id, "birth-certificate", "ACCEPTED", ""));
        assertThat(statuses(view(id))).containsEntry("household-registration", "WAITING");

        Instant certified = Instant.now();
        ok(report(id, "birth-certificate", "DONE", ",\"result\":\"准予发证\",\"certificateNo\":\"Q000000060\""));
        assertThat(statuses(view(id))).as("released by the report itself")
                .doesNotContainEntry("household-registration", "WAITING").doesNotContainEntry("vaccination-certificate", "WAITING")
                .containsEntry("medical-insurance", "WAITING").containsEntry("social-security-card", "WAITING");
        Map<String, Object> registration = await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.databases()
                .householdExchange().stream().filter(row -> row.get("applicationId").equals(id)).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(itemRecord(id, "household-registration").path("medicalCertificateNo").asText())
                .as("the birth certificate's number, as its department decided it").isEqualTo("Q000000060");
        ApprovalInbox.Received vaccination = await().atMost(Duration.ofSeconds(10)).until(
                () -> received("weijian-approval", id + ":vaccination-certificate"), Optional::isPresent).orElseThrow();
        assertThat(vaccination.receivedAt()).as("received after the birth certificate was done").isAfterOrEqualTo(certified);
        assertThat(registration).isNotEmpty();
        assertThat(received("rlsb-card-approval", id + ":social-security-card")).isEmpty();

        awaitItem(id, "household-registration", "DELIVERED");
        Instant registered = Instant.now();
        ok(report(id, "household-registration", "DONE",
                ",\"result\":\"准予登记\",\"outputs\":{\"childIdNumber\":\"" + CHILD_ID_NUMBER + "\"}"));
        ApprovalInbox.Received card = await().atMost(Duration.ofSeconds(20)).until(
                () -> received("rlsb-card-approval", id + ":social-security-card"), Optional::isPresent).orElseThrow();
        assertThat(card.receivedAt()).as("received after the household registration was done").isAfterOrEqualTo(registered);
        assertThat(itemRecord(id, "social-security-card").path("babyIdNumber").asText())
                .as("the child's ID number, as 市公安局 decided it").isEqualTo(CHILD_ID_NUMBER);
        JsonNode after = hub.awaitEveryItemDelivered("/api/v1/applications/" + id);
        assertThat(HubClient.item(after, "medical-insurance").path("waitsFor").isEmpty()).isTrue();
    }

    @Test
    void aRejectedPrerequisiteCancelsExactlyTheItemsThatWaitForIt() throws Exception {
        String id = submit(familiesWithBirthRecords().get(61));
        awaitItem(id, "birth-certificate", "DELIVERED");

        ok(report(id, "birth-certificate", "REJECTED", ",\"reason\":\"出生医学证明信息与分娩记录不符\""));
        JsonNode view = view(id);
        assertThat(statuses(view)).containsEntry("birth-certificate", "REJECTED")
                .containsEntry("household-registration", "CANCELLED").containsEntry("vaccination-certificate", "CANCELLED")
                .containsEntry("medical-insurance", "CANCELLED").containsEntry("social-security-card", "CANCELLED");
        assertThat(HubClient.item(view, "household-registration").path("reason").asText())
                .isEqualTo("it waits for item 'birth-certificate' to be done, and that item was REJECTED");
        assertThat(HubClient.item(view, "medical-insurance").path("reason").asText())
                .as("cancelled in turn").contains("household-registration");
        assertThat(view.path("status").asText()).as("decided or cancelled, every one").isEqualTo("COMPLETED");

        // Never sent: a department cannot report on it, and after the hub's retry poll nothing has arrived.
        HttpResponse<String> onCancelled = hub.reportStatus(id, "social-security-card",
                "{\"status\":\"ACCEPTED\",\"at\":\"%s\"}".formatted(now()));
        assertThat(onCancelled.statusCode()).isEqualTo(409);
        Thread.sleep(500); // several delivery polls (hub.dispatch.poll-millis=100): a wrongly released item would go out
        assertThat(received("rlsb-card-approval", id + ":social-security-card")).isEmpty();
        assertThat(received("ybj-enrolment", id + ":medical-insurance")).isEmpty();
        assertThat(received("weijian-approval", id + ":vaccination-certificate")).isEmpty();
        assertThat(sandbox.databases().householdExchange()).noneMatch(row -> row.get("applicationId").equals(id));
    }

    private String submit(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        return statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
    }

    /** A report as the item's department makes it: status, time, and the rest of the body as given. */
    private HttpResponse<String> report(String id, String item, String status, String rest) throws Exception {
        return hub.reportStatus(id, item, "{\"status\":\"%s\",\"at\":\"%s\"%s}".formatted(status, now(), rest));
    }

    private void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode view(String id) throws Exception {
        return hub.body(hub.get("/api/v1/applications/" + id));
    }

    private JsonNode awaitItem(String id, String item, String status) {
        // ignoreExceptions: until the application is collected it has no items yet.
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> view(id),
                v -> status.equals(HubClient.item(v, item).path("status").asText()));
    }

    private static Map<String, String> statuses(JsonNode view) {
        Map<String, String> statuses = new TreeMap<>();
        view.path("items").forEach(item -> statuses.put(item.path("item").asText(), item.path("status").asText()));
        return statuses;
    }


    private Optional<ApprovalInbox.Received> received(String system, String key) {
        return sandbox.inbox().received(system).stream().filter(r -> key.equals(r.idempotencyKey())).findFirst();
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).toString();
    }
}
