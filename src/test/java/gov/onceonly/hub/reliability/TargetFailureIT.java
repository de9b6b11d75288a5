package gov.onceonly.hub.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Targets that fail: a 500 and a timeout are redelivered with the same idempotency key until delivered, and
 * recorded once; a target that stays down past the limit gets parked deliveries, which an operator replays.
 */
class TargetFailureIT extends HubIntegrationTest {

    private static final String WEIJIAN = "weijian-approval";
    private static final String RLSB = "rlsb-card-approval";

    @AfterEach
    void recover() {
        sandbox.faults().clear(WEIJIAN);
        sandbox.faults().clear(RLSB);
    }

    @Test
    void errorsAndTimeoutsAreRedeliveredAndRecordedOnce() throws Exception {
        int weijianDuplicates = sandbox.inbox().duplicates(WEIJIAN);
        sandbox.faults().fail(WEIJIAN, 500, 2);
        sandbox.faults().delay(RLSB, 5_500, 1); // past the connector's 5 s timeout, processed all the same
        SyntheticPeople.Family family = familiesWithBirthRecords().get(30);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

        JsonNode done = hub.awaitEveryItemDelivered(statusUrl, Duration.ofSeconds(40));
        assertThat(sandbox.faults().shown(WEIJIAN)).isGreaterThanOrEqualTo(2);
        assertThat(item(done, "social-security-card").path("attempts").asInt()).isEqualTo(1);

        assertThat(receivedFor(WEIJIAN, id)).hasSize(2); // birth certificate and vaccination certificate
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.inbox().duplicates(RLSB) > 0);
        assertThat(receivedFor(RLSB, id)).as("the late answer's retry was recognised, not recorded again").hasSize(1);
        assertThat(sandbox.inbox().duplicates(WEIJIAN)).as("a refused request was never recorded")
                .isEqualTo(weijianDuplicates);
        assertThat(sandbox.inbox().withoutKey()).isZero();
    }

    @Test
    void aTargetDownPastTheLimitParksItsDeliveriesUntilAnOperatorReplaysThem() throws Exception {
        sandbox.faults().down(WEIJIAN, 503);
        SyntheticPeople.Family family = familiesWithBirthRecords().get(31);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        SyntheticPeople.Family other = familiesWithBirthRecords().get(32);
        String otherUrl = hub.submit(HubClient.newborn(other.mother().idNumber(), other.mother().name()));

        JsonNode attention = await().atMost(Duration.ofSeconds(40)).until(() -> hub.body(hub.get(statusUrl)),
                s -> "NEEDS_ATTENTION".equals(s.path("status").asText())
                        && "PARKED".equals(item(s, "birth-certificate").path("status").asText()));
        assertThat(item(attention, "birth-certificate").path("attempts").asInt()).as("hub.dispatch.max-attempts").isEqualTo(5);
        assertThat(item(attention, "birth-certificate").path("lastError").asText()).contains("503");
        assertThat(item(attention, "household-registration").path("status").asText())
                .as("it waits for the birth certificate's decision").isEqualTo("WAITING");

        JsonNode parked = hub.body(hub.asOperator().get("/api/v1/ops/deliveries?state=parked"));
        assertThat(parked.findValuesAsText("applicationId")).contains(id);
        assertThat(hub.asOperator().get("/api/v1/ops/deliveries?state=lost").statusCode()).isEqualTo(400);

        // The other application's retries, jittered, may run a little behind: it parks too before the target returns.
        await().atMost(Duration.ofSeconds(40)).until(() -> "PARKED".equals(item(hub.body(hub.get(otherUrl)), "birth-certificate")
                .path("status").asText()));
        sandbox.faults().clear(WEIJIAN);
        HttpResponse<String> replayed = hub.asOperator().post("/api/v1/ops/deliveries/" + id + "/birth-certificate/replay", "");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        HttpResponse<String> again = hub.asOperator().post("/api/v1/ops/deliveries/" + id + "/birth-certificate/replay", "");
        assertThat(again.statusCode()).as("only a parked delivery replays").isEqualTo(404);
        HttpResponse<String> rest = hub.asOperator().post("/api/v1/ops/deliveries/replay", "");
        assertThat(hub.body(rest).path("replayed").asInt()).as("the other application's").isGreaterThanOrEqualTo(1);

        hub.awaitEveryItemDelivered(statusUrl);
        hub.awaitEveryItemDelivered(otherUrl);
        assertThat(receivedFor(WEIJIAN, id)).hasSize(2);
    }

    private List<ApprovalInbox.Received> receivedFor(String system, String applicationId) {
        return sandbox.inbox().received(system).stream()
                .filter(r -> r.idempotencyKey().startsWith(applicationId + ":")).toList();
    }

    private static JsonNode item(JsonNode status, String id) {
        for (JsonNode item : status.path("items")) {
            if (id.equals(item.path("item").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + status);
    }
}
