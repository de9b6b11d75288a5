package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemOutputs;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.sandbox.SandboxApplications;
import gov.onceonly.hub.sandbox.SandboxDecisions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 企业开办 end to end, with the sandbox's departments deciding what they receive (ACCEPTED, then DONE with the outputs
 * the mapping declares, on the status topic): the registration goes out first, the seven items after it only once
 * 市市场监管局 reported it done, by the departments' own receipt times, each with the credit code, licence number and
 * date the registration was decided with, and their provenance. A rejected registration cancels all seven.
 */
class BusinessStartupIT extends HubIntegrationTest {

    private static final String REGISTRATION = "establishment-registration";

    @Autowired
    SandboxApplications applications;
    @Autowired
    SandboxDecisions decisions;
    @Autowired
    BundleCatalog bundles;
    @Autowired
    ApplicationStore store;

    @BeforeEach
    void departmentsDecide() {
        decisions.enable(true);
    }

    @AfterEach
    void departmentsStopDeciding() {
        decisions.enable(false);
        decisions.reject(Set.of());
    }

    @Test
    void everyItemGoesOutAfterTheRegistrationIsDoneAndTakesWhatItWasDecidedWith() throws Exception {
        CompiledBundle bundle = bundles.find("business-startup").orElseThrow();
        String id = submit();
        JsonNode view = await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> view(id),
                v -> bundle.items().stream().allMatch(item -> !HubClient.item(v, item.id()).path("deliveredAt").isMissingNode()
                        && !HubClient.item(v, item.id()).path("deliveredAt").isNull()));
        assertThat(HubClient.item(view, REGISTRATION).path("status").asText()).isEqualTo("DONE");

        ItemOutputs decided = store.outputs(UUID.fromString(id)).get(REGISTRATION);
        assertThat(decided.values()).containsOnlyKeys("creditCode", "licenceNumber", "establishedOn");
        assertThat(decided.department()).isEqualTo("市市场监管局");
        Instant registrationDecided = decisions.decidedAt(id + ":" + REGISTRATION);
        assertThat(registrationDecided).isNotNull();

        for (CompiledBundle.CompiledItem item : bundle.items()) {
            if (item.id().equals(REGISTRATION)) {
                continue;
            }
            String key = id + ":" + item.id();
            Instant received = sandbox.catalogue().receivedAt(item.target(), key).orElseThrow();
            assertThat(received).as("%s arrived after the registration was decided", item.id()).isAfter(registrationDecided);

            JsonNode fields = json.readTree(sandbox.catalogue().delivered(item.target(), key).orElseThrow()).path("fields");
            assertThat(fields.path("creditCode").asText()).as(item.id()).isEqualTo(decided.values().get("creditCode"));
            JsonNode origin = field(HubClient.item(view, item.id()), "creditCode");
            assertThat(origin.path("origin").asText()).isEqualTo("item:" + REGISTRATION);
            assertThat(origin.path("reportedBy").asText()).isEqualTo("市市场监管局");
            assertThat(Instant.parse(origin.path("at").asText())).isEqualTo(decided.reportedAt());
        }
        JsonNode licence = json.readTree(sandbox.catalogue().delivered("gongan-approval", id + ":seal-engraving").orElseThrow());
        assertThat(licence.path("fields").path("businessLicence").asText()).isEqualTo(decided.values().get("licenceNumber"));
        JsonNode socialInsurance = json.readTree(sandbox.catalogue()
                .delivered("rlsb-business", id + ":social-insurance-registration").orElseThrow());
        assertThat(socialInsurance.path("fields").path("establishedOn").asText()).isEqualTo(decided.values().get("establishedOn"));
    }

    @Test
    void aRejectedRegistrationCancelsEveryItemThatWaitsForItAndNoneIsSent() throws Exception {
        decisions.reject(Set.of(REGISTRATION));
        String id = submit();
        JsonNode view = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> view(id),
                v -> "REJECTED".equals(HubClient.item(v, REGISTRATION).path("status").asText()));
        List<String> others = bundles.find("business-startup").orElseThrow().items().stream()
                .map(CompiledBundle.CompiledItem::id).filter(item -> !item.equals(REGISTRATION)).toList();
        for (String item : others) {
            JsonNode shown = HubClient.item(view, item);
            assertThat(shown.path("status").asText()).as(item).isEqualTo("CANCELLED");
            assertThat(shown.path("reason").asText())
                    .isEqualTo("it waits for item 'establishment-registration' to be done, and that item was REJECTED");
        }
        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        Thread.sleep(500); // several delivery polls: a wrongly released item would go out meanwhile
        CompiledBundle bundle = bundles.find("business-startup").orElseThrow();
        for (String item : others) {
            assertThat(sandbox.catalogue().delivered(bundle.item(item).orElseThrow().target(), id + ":" + item))
                    .as(item + " never sent").isEmpty();
        }
    }

    private String submit() throws Exception {
        String statusUrl = hub.submit(applications.sample("business-startup").json());
        return statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
    }

    private JsonNode view(String id) throws Exception {
        return hub.body(hub.get("/api/v1/applications/" + id));
    }

    private static JsonNode field(JsonNode item, String name) {
        for (JsonNode field : item.path("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name + " in " + item);
    }
}
