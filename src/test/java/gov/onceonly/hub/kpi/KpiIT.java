package gov.onceonly.hub.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reform KPIs of two newborn applications, one decided by every department and one still with them,
 * checked against what the status views and the catalogue say independently.
 */
class KpiIT extends HubIntegrationTest {

    @Test
    void kpisOfAPeriodCountWhatTheHubDidForTheApplicants() throws Exception {
        Instant from = Instant.now().minusMillis(1);
        SyntheticPeople.Family decided = familiesWithBirthRecords().get(141);
        SyntheticPeople.Family waiting = familiesWithBirthRecords().get(142);
        // The departments decide every item of the first; the second's are left undecided.
        JsonNode first = hub.awaitStatus(hub.submit(HubClient.newborn(decided.mother().idNumber(), decided.mother().name())),
                "COMPLETED");
        departmentsDecide(false);
        JsonNode second = hub.awaitStatus(hub.submit(HubClient.newborn(waiting.mother().idNumber(), waiting.mother().name())),
                "IN_PROGRESS"); // its birth certificate delivered, the rest waiting for it
        int items = first.path("items").size();
        Instant to = Instant.now().plusSeconds(1);

        JsonNode report = hub.body(ok(hub.get("/api/v1/kpis?bundle=newborn&from=" + from + "&to=" + to)));
        assertThat(report.path("bundles")).hasSize(1);
        JsonNode newborn = report.path("bundles").get(0);
        assertThat(newborn.path("bundle").asText()).isEqualTo("newborn");
        assertThat(newborn.path("applications").asLong()).isEqualTo(2);
        assertThat(newborn.path("completedApplications").asLong()).isEqualTo(1);

        JsonNode less = newborn.path("lessMaterials");
        assertThat(less.path("fieldsFilledByHub").asLong())
                .isEqualTo(first.path("filledByHub").asLong() + second.path("filledByHub").asLong()).isPositive();
        assertThat(less.path("fieldsFilledByApplicant").asLong())
                .isEqualTo(first.path("filledByApplicant").asLong() + second.path("filledByApplicant").asLong());
        Map<String, Integer> exempt = exemptMaterialsByItem();
        assertThat(less.path("materialsExempted").asLong()).as("every item of the first, the second's birth certificate")
                .isEqualTo(exempt.values().stream().mapToLong(Integer::longValue).sum() + exempt.get("birth-certificate"));

        JsonNode time = newborn.path("lessTime");
        assertThat(time.path("toItemAcceptance").path("count").asLong()).isEqualTo(items);
        assertThat(time.path("toCompletion").path("count").asLong()).isEqualTo(1);
        assertThat(time.path("toCompletion").path("p50Seconds").asDouble())
                .isGreaterThanOrEqualTo(time.path("toItemAcceptance").path("p50Seconds").asDouble())
                .isLessThan(Duration.between(from, to).toSeconds() + 1);

        JsonNode trips = newborn.path("fewerTrips");
        assertThat(trips.path("itemsCompleted").asLong()).isEqualTo(items);
        assertThat(trips.path("itemsCompletedWithoutApplicantAction").asLong()).isEqualTo(items);
        assertThat(trips.path("share").asDouble()).isEqualTo(1.0);

        // The same figures reach Prometheus as gauges.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(hub.asViewer().get("/actuator/prometheus").body())
                .contains("hub_kpi_fields_filled{application=\"onceonly-hub\",bundle=\"newborn\",by=\"hub\"}")
                .contains("hub_kpi_items_completed{applicant_action=\"none\",application=\"onceonly-hub\",bundle=\"newborn\"}"));
    }

    @Test
    void badParametersAreNamed() throws Exception {
        assertBad(hub.get("/api/v1/kpis?bundle=no-such-bundle"), "bundle");
        assertBad(hub.get("/api/v1/kpis?from=yesterday"), "from");
        assertBad(hub.get("/api/v1/kpis?to=2026-13-01"), "to");
        assertBad(hub.get("/api/v1/kpis?from=2026-11-02&to=2026-11-01"), "from");
        assertThat(hub.get("/api/v1/kpis?from=2026-11-01&to=2026-11-02").statusCode()).isEqualTo(200);
    }

    private Map<String, Integer> exemptMaterialsByItem() throws Exception {
        Map<String, Integer> perItem = new HashMap<>();
        hub.body(hub.get("/api/v1/bundles/newborn")).path("items")
                .forEach(item -> perItem.put(item.path("id").asText(), item.path("exemptMaterials").size()));
        return perItem;
    }

    private void assertBad(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(hub.body(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
