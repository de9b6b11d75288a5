package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemOutputs;
import gov.onceonly.hub.application.Milestone;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.Origin;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business-collaboration model of four bundles end to end, with the sandbox's departments deciding what they
 * receive (ACCEPTED, then DONE with the outputs the mapping declares; a JDBC department reads its exchange table):
 * checked on the departments' side, no item arrives before what it waits for was that far; every output arrives in
 * the later items as it was decided, with its provenance; and a rejection cancels exactly the items that wait for the
 * rejected one, directly or not, none of which is ever sent.
 */
class BusinessCollaborationIT extends HubIntegrationTest {

    @Autowired
    SandboxApplications applications;
    @Autowired
    BundleCatalog bundles;
    @Autowired
    ApplicationStore store;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"business-startup", "ordinary-deregistration", "second-hand-housing-transfer", "after-death"})
    void noItemArrivesBeforeWhatItWaitsForAndOutputsArriveWithTheirProvenance(String bundleId) throws Exception {
        CompiledBundle bundle = bundles.find(bundleId).orElseThrow();
        assertThat(bundle.items()).as("the bundle has an order").anyMatch(item -> !item.waitsFor().isEmpty());
        String statusUrl = hub.submit(applications.sample(bundleId).json());
        JsonNode view = hub.awaitEveryItemDelivered(statusUrl, Duration.ofSeconds(60));
        String id = view.path("id").asText();
        Map<String, ItemOutputs> outputs = store.outputs(UUID.fromString(id));

        for (CompiledBundle.CompiledItem item : bundle.items()) {
            Instant received = receivedAt(bundle, id, item.id());
            for (Map.Entry<String, Milestone> waited : item.waitsFor().entrySet()) {
                assertThat(received).as("%s arrived after %s was %s", item.id(), waited.getKey(), waited.getValue().yamlName())
                        .isAfter(reached(bundle, id, waited.getKey(), waited.getValue()));
            }
            JsonNode fields = json.readTree(sandbox.catalogue().delivered(item.target(), id + ":" + item.id())
                    .orElseThrow()).path("fields");
            for (CompiledBundle.CompiledDemand demand : item.demands()) {
                if (demand.origin() instanceof Origin.ItemOutput output) {
                    ItemOutputs decided = outputs.get(output.item());
                    String what = item.id() + "." + demand.name();
                    assertThat(fields.path(demand.name()).asText()).as(what)
                            .isEqualTo(String.valueOf(decided.values().get(output.output())));
                    JsonNode origin = field(HubClient.item(view, item.id()), demand.name());
                    assertThat(origin.path("origin").asText()).as(what).isEqualTo("item:" + output.item());
                    assertThat(origin.path("reportedBy").asText()).as(what).isEqualTo(decided.department());
                    assertThat(Instant.parse(origin.path("at").asText())).as(what).isEqualTo(decided.reportedAt());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} rejected")
    @CsvSource({"business-startup, establishment-registration", "ordinary-deregistration, tax-deregistration",
            "second-hand-housing-transfer, transfer-registration", "after-death, household-deregistration"})
    void aRejectionCancelsExactlyTheItemsThatWaitForIt(String bundleId, String rejected) throws Exception {
        CompiledBundle bundle = bundles.find(bundleId).orElseThrow();
        Set<String> dependents = dependents(bundle, rejected);
        assertThat(dependents).isNotEmpty();
        decisions.reject(Set.of(rejected));
        String statusUrl = hub.submit(applications.sample(bundleId).json());
        JsonNode view = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> hub.body(hub.get(statusUrl)), v -> "REJECTED".equals(HubClient.item(v, rejected).path("status").asText())
                        && dependents.stream().allMatch(d -> "CANCELLED".equals(HubClient.item(v, d).path("status").asText())));
        String id = view.path("id").asText();
        for (CompiledBundle.CompiledItem item : bundle.items()) {
            if (dependents.contains(item.id())) {
                assertThat(HubClient.item(view, item.id()).path("reason").asText()).as(item.id()).startsWith("it waits for item '");
            } else if (!item.id().equals(rejected)) {
                assertThat(HubClient.item(view, item.id()).path("status").asText()).as(item.id() + " is not cancelled")
                        .isNotEqualTo("CANCELLED");
            }
        }
        Thread.sleep(500); // several delivery polls: a wrongly released item would go out meanwhile
        for (String item : dependents) {
            assertThat(sandbox.catalogue().delivered(bundle.item(item).orElseThrow().target(), id + ":" + item))
                    .as(item + " never sent").isEmpty();
        }
    }

    /** The items that wait for {@code rejected}, directly or through others. */
    private static Set<String> dependents(CompiledBundle bundle, String rejected) {
        Set<String> found = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (CompiledBundle.CompiledItem item : bundle.items()) {
                if (!found.contains(item.id()) && item.waitsFor().keySet().stream()
                        .anyMatch(p -> p.equals(rejected) || found.contains(p))) {
                    grew = found.add(item.id()) || grew;
                }
            }
        }
        return found;
    }

    /** When the prerequisite reached the milestone, by its department: received it, or reported accepted or done. */
    private Instant reached(CompiledBundle bundle, String id, String prerequisite, Milestone milestone) throws Exception {
        String key = id + ":" + prerequisite;
        return switch (milestone) {
            case DELIVERED -> receivedAt(bundle, id, prerequisite);
            case ACCEPTED -> decisions.reportedAt(key, "ACCEPTED");
            case DONE -> decisions.reportedAt(key, "DONE");
        };
    }

    private Instant receivedAt(CompiledBundle bundle, String id, String item) throws Exception {
        return sandbox.catalogue().receivedAt(bundle.item(item).orElseThrow().target(), id + ":" + item).orElseThrow();
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
