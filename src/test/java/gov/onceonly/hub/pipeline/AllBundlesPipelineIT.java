package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledDemand;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import gov.onceonly.hub.catalog.DatasetFetch;
import gov.onceonly.hub.catalog.Origin;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One application for each of the 50 bundles through the sandbox: all are submitted first, then each is followed
 * until every item is delivered to its target system, with every demanded field, its value as the department
 * holds it (or as the applicant typed it, or as an earlier item was decided), and its provenance recorded. The
 * sandbox's departments decide what they receive, so that an item that waits for another to be done goes out too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllBundlesPipelineIT extends HubIntegrationTest {

    @Autowired
    SandboxApplications applications;
    @Autowired
    BundleCatalog bundles;

    private final Map<String, Submitted> submitted = new LinkedHashMap<>();

    private record Submitted(String statusUrl, String subjectKey, JsonNode form, JsonNode parties) {

        /** The key a dataset field was looked up by: the applicant's, or its party's. */
        String keyOf(Origin.DatasetField field) {
            if (field.party() == null) {
                return subjectKey;
            }
            JsonNode party = parties.path(field.party());
            return party.hasNonNull("idNumber") ? party.path("idNumber").asText() : party.path("creditCode").asText();
        }
    }

    static Stream<String> bundleIds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("mappings"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - 5)).sorted().toList().stream();
        }
    }

    @BeforeAll
    void submitOneApplicationPerBundle() throws Exception {
        HubClient client = new HubClient(port, json);
        for (String id : bundleIds().toList()) {
            SandboxApplications.Sample sample = applications.sample(id);
            JsonNode body = json.readTree(sample.json());
            submitted.put(id, new Submitted(client.submit(sample.json()), sample.subjectKey(), body.path("form"),
                    body.path("parties")));
        }
        assertThat(submitted).hasSize(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleIds")
    void everyItemReachesItsTargetWithEveryDemandedFieldAndItsProvenance(String id) throws Exception {
        CompiledBundle bundle = bundles.find(id).orElseThrow();
        Submitted application = submitted.get(id);
        JsonNode status = hub.awaitEveryItemDelivered(application.statusUrl(), Duration.ofSeconds(60));
        String applicationId = status.path("id").asText();

        Map<String, JsonNode> items = new LinkedHashMap<>();
        status.path("items").forEach(item -> items.put(item.path("item").asText(), item));
        assertThat(items.keySet()).containsExactlyInAnyOrderElementsOf(bundle.items().stream().map(CompiledItem::id).toList());

        int fromSources = 0;
        int fromForm = 0;
        for (CompiledItem item : bundle.items()) {
            JsonNode view = items.get(item.id());
            assertThat(view.path("status").asText()).as(item.id()).isIn("DELIVERED", "ACCEPTED", "IN_PROGRESS", "DONE");
            assertThat(view.path("target").asText()).isEqualTo(item.target());
            assertThat(view.path("missing")).isEmpty();
            Map<String, JsonNode> provenance = new LinkedHashMap<>();
            view.path("fields").forEach(f -> provenance.put(f.path("name").asText(), f));
            assertThat(provenance.keySet()).as("%s/%s fields", id, item.id())
                    .containsExactlyInAnyOrderElementsOf(item.demands().stream().map(CompiledDemand::name).toList());

            JsonNode envelope = delivered(item.target(), applicationId + ":" + item.id());
            assertThat(envelope.path("bundle").asText()).isEqualTo(id);
            assertThat(envelope.path("department").asText()).isEqualTo(item.department());
            JsonNode fields = envelope.path("fields");
            assertThat(fields.size()).as("%s/%s receives only its demands", id, item.id()).isEqualTo(item.demands().size());
            for (CompiledDemand demand : item.demands()) {
                String what = id + "/" + item.id() + "." + demand.name();
                assertThat(provenance.get(demand.name()).path("origin").asText()).as(what).isEqualTo(demand.origin().label());
                assertThat(provenance.get(demand.name()).path("at").asText()).as(what).isNotBlank();
                if (demand.origin() instanceof Origin.FormInput input) {
                    fromForm++;
                    assertThat(fields.get(demand.name())).as(what).isEqualTo(application.form().get(input.field()));
                } else if (demand.origin() instanceof Origin.ItemOutput output) {
                    fromSources++;
                    assertThat(provenance.get(demand.name()).path("reportedBy").asText()).as(what)
                            .isEqualTo(bundle.item(output.item()).orElseThrow().department());
                    assertThat(fields.get(demand.name()).asText()).as(what).isNotBlank();
                } else {
                    fromSources++;
                    Origin.DatasetField source = (Origin.DatasetField) demand.origin();
                    Object held = sandbox.catalogue().records().find(source.source(), application.keyOf(source)).orElseThrow()
                            .get(source.field());
                    assertSameValue(what, held, fields.get(demand.name()));
                }
            }
        }
        assertThat(status.path("filledByHub").asInt()).isEqualTo(fromSources);
        assertThat(status.path("filledByApplicant").asInt()).isEqualTo(fromForm);

        List<String> pulled = jdbc.queryForList("select connector_id || '/' || dataset from pulled_dataset where application_id = ?::uuid",
                String.class, applicationId);
        assertThat(pulled).as("each dataset of the fetch plan asked once")
                .containsExactlyInAnyOrderElementsOf(bundle.fetchPlan().stream().map(DatasetFetch::label).toList());
    }

    /** The envelope a target received; a Kafka target reads its topic a moment after the hub's send. */
    private JsonNode delivered(String target, String idempotencyKey) throws Exception {
        Optional<String> body = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> sandbox.catalogue().delivered(target, idempotencyKey), Optional::isPresent);
        return json.readTree(body.orElseThrow());
    }

    /** A department's value against what travelled as JSON: numbers by value, timestamps by instant, the rest as text. */
    private static void assertSameValue(String what, Object held, JsonNode actual) {
        assertThat(actual).as(what).isNotNull();
        if (held instanceof Number number) {
            assertThat(new BigDecimal(actual.asText())).as(what).isEqualByComparingTo(new BigDecimal(number.toString()));
        } else if (held instanceof LocalDateTime time) {
            assertThat(LocalDateTime.parse(actual.asText())).as(what).isEqualTo(time);
        } else {
            assertThat(actual.asText()).as(what).isEqualTo(String.valueOf(held));
        }
    }
}
