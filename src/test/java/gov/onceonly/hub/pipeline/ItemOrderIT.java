package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
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
 * The business-collaboration order, on the newborn bundle as the shared hub's configuration copy is edited for this
 * test: household registration, medical insurance and the social security card wait for the birth certificate to be
 * done (they need its number in real life), the vaccination certificate only for it to be delivered. Checked where it
 * counts, at the departments: nothing arrives before what it waits for is that far, and a rejection cancels exactly
 * the items that wait for it, which are then never sent.
 */
class ItemOrderIT extends HubIntegrationTest {

    private static final Map<String, String> WAITS_FOR = Map.of(
            "household-registration", "done", "medical-insurance", "done", "social-security-card", "done",
            "vaccination-certificate", "delivered");

    @BeforeEach
    void orderTheNewbornItems() throws Exception {
        String mapping = servedMapping("newborn");
        for (Map.Entry<String, String> item : WAITS_FOR.entrySet()) {
            String line = "  - id: " + item.getKey() + "\n";
            assertThat(mapping).contains(line);
            mapping = mapping.replace(line, line + "    waitsFor: { birth-certificate: " + item.getValue() + " }\n");
        }
        serveMapping("newborn", mapping);
    }

    @AfterEach
    void restore() throws Exception {
        restoreMapping("newborn");
    }

    @Test
    void anItemGoesOutOnlyOnceWhatItWaitsForIsThatFar() throws Exception {
        String id = submit(familiesWithBirthRecords().get(60));
        awaitItem(id, "vaccination-certificate", "DELIVERED");
        // The view reads the application, then its items: await the status the delivery's transaction left too.
        JsonNode view = hub.awaitStatus("/api/v1/applications/" + id, "IN_PROGRESS");
        assertThat(statuses(view)).containsEntry("birth-certificate", "DELIVERED")
                .containsEntry("household-registration", "WAITING").containsEntry("medical-insurance", "WAITING")
                .containsEntry("social-security-card", "WAITING");
        assertThat(view.path("status").asText()).as("the rest waits for a department").isEqualTo("IN_PROGRESS");
        assertThat(HubClient.item(view, "social-security-card").path("waitsFor").toString()).isEqualTo("{\"birth-certificate\":\"done\"}");
        assertThat(received("rlsb-card-approval", id + ":social-security-card")).isEmpty();
        assertThat(sandbox.databases().householdExchange()).noneMatch(row -> row.get("applicationId").equals(id));

        // Accepted is not done: the status is settled when the report is answered, so nothing moved.
        ok(report(id, "ACCEPTED", null));
        assertThat(statuses(view(id))).containsEntry("social-security-card", "WAITING");

        Instant done = Instant.now();
        ok(hub.reportStatus(id, "birth-certificate",
                "{\"status\":\"DONE\",\"at\":\"%s\",\"result\":\"准予发证\",\"certificateNo\":\"Q000000060\"}".formatted(now())));
        assertThat(statuses(view(id))).as("released by the report itself")
                .doesNotContainValue("WAITING");
        JsonNode after = await().atMost(Duration.ofSeconds(20)).until(() -> view(id), v ->
                statuses(v).values().stream().allMatch(s -> s.equals("DELIVERED") || s.equals("DONE")));
        assertThat(HubClient.item(after, "social-security-card").path("waitsFor").isEmpty()).isTrue();
        ApprovalInbox.Received card = await().atMost(Duration.ofSeconds(10)).until(
                () -> received("rlsb-card-approval", id + ":social-security-card"), Optional::isPresent).orElseThrow();
        assertThat(card.receivedAt()).as("received after the birth certificate was done").isAfterOrEqualTo(done);
        ApprovalInbox.Received vaccination = received("weijian-approval", id + ":vaccination-certificate").orElseThrow();
        assertThat(vaccination.receivedAt()).as("it waited for the delivery only").isBefore(done);
        assertThat(sandbox.databases().householdExchange()).anyMatch(row -> row.get("applicationId").equals(id));
    }

    @Test
    void aRejectedPrerequisiteCancelsExactlyTheItemsThatWaitForIt() throws Exception {
        String id = submit(familiesWithBirthRecords().get(61));
        awaitItem(id, "vaccination-certificate", "DELIVERED");

        ok(report(id, "REJECTED", "出生医学证明信息与分娩记录不符"));
        JsonNode view = view(id);
        assertThat(statuses(view)).containsEntry("birth-certificate", "REJECTED")
                .containsEntry("vaccination-certificate", "DELIVERED")
                .containsEntry("household-registration", "CANCELLED").containsEntry("medical-insurance", "CANCELLED")
                .containsEntry("social-security-card", "CANCELLED");
        assertThat(HubClient.item(view, "medical-insurance").path("reason").asText())
                .isEqualTo("it waits for item 'birth-certificate' to be done, and that item was REJECTED");
        assertThat(view.path("status").asText()).as("the vaccination certificate is still open").isEqualTo("IN_PROGRESS");

        // Never sent: a department cannot report on it, and after the hub's retry poll nothing has arrived.
        HttpResponse<String> onCancelled = hub.reportStatus(id, "social-security-card",
                "{\"status\":\"ACCEPTED\",\"at\":\"%s\"}".formatted(now()));
        assertThat(onCancelled.statusCode()).isEqualTo(409);
        Thread.sleep(500); // several delivery polls (hub.dispatch.poll-millis=100): a wrongly released item would go out
        assertThat(received("rlsb-card-approval", id + ":social-security-card")).isEmpty();
        assertThat(received("ybj-enrolment", id + ":medical-insurance")).isEmpty();
        assertThat(sandbox.databases().householdExchange()).noneMatch(row -> row.get("applicationId").equals(id));

        ok(hub.reportStatus(id, "vaccination-certificate",
                "{\"status\":\"DONE\",\"at\":\"%s\",\"result\":\"准予发证\"}".formatted(now())));
        assertThat(view(id).path("status").asText()).as("decided or cancelled, every one").isEqualTo("COMPLETED");
    }


    private String submit(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        return statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> report(String id, String status, String reason) throws Exception {
        String body = reason == null ? "{\"status\":\"%s\",\"at\":\"%s\"}".formatted(status, now())
                : "{\"status\":\"%s\",\"at\":\"%s\",\"reason\":\"%s\"}".formatted(status, now(), reason);
        return hub.reportStatus(id, "birth-certificate", body);
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
