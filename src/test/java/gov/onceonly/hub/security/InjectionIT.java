package gov.onceonly.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.FormField;
import gov.onceonly.hub.catalog.FormFieldType;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.ConnectorKind;
import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Injection strings (SQL, Camel's simple and property placeholders, JNDI lookups, markup) go through every free-text
 * form field of every bundle and every JDBC source: the departments receive them as plain text, exactly as typed, and
 * a key that is SQL finds nothing. Only parameterised SQL and no expression evaluation of data can pass this.
 */
class InjectionIT extends HubIntegrationTest {

    private static final List<String> PAYLOADS = List.of(
            "'; DROP TABLE application; --",
            "x' OR '1'='1",
            "\" OR \"\"=\"",
            "1); DELETE FROM outbox; --",
            "${exchangeProperty.hubFetch}",
            "{{hub.signing.secret}}",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "<script>alert(1)</script>",
            "\\'; SELECT pg_sleep(5); --");

    @Autowired
    SandboxApplications applications;
    @Autowired
    BundleCatalog bundles;
    @Autowired
    ConnectorCatalog connectors;
    @Autowired
    ProducerTemplate camel;

    @Test
    void everyFreeTextFormFieldOfEveryBundleArrivesExactlyAsTyped() throws Exception {
        submitAndCheckEveryBundle(); // the departments decide: an item that waits for another's goes out too
    }

    private void submitAndCheckEveryBundle() throws Exception {
        Map<String, String> statusUrls = new LinkedHashMap<>();
        Map<String, Map<String, String>> typed = new LinkedHashMap<>();
        int fields = 0;
        for (CompiledBundle bundle : bundles.all()) {
            SandboxApplications.Sample sample = applications.sample(bundle.id());
            ObjectNode body = (ObjectNode) json.readTree(sample.json());
            Map<String, String> injected = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, FormField> field : bundle.definition().form().entrySet()) {
                FormField declared = field.getValue();
                if (declared.type() != FormFieldType.STRING || declared.pattern() != null) {
                    continue; // typed and patterned fields refuse such text at intake
                }
                String payload = PAYLOADS.get((i++ + bundle.id().length()) % PAYLOADS.size());
                if (payload.length() > declared.maxLength()) {
                    continue; // a whole payload or none: a truncated one may be harmless
                }
                ((ObjectNode) body.path("form")).put(field.getKey(), payload);
                injected.put(field.getKey(), payload);
            }
            if (injected.isEmpty()) {
                continue;
            }
            fields += injected.size();
            statusUrls.put(bundle.id(), hub.submit(body.toString()));
            typed.put(bundle.id(), injected);
        }
        assertThat(fields).as("free-text fields injected").isGreaterThan(50);

        for (Map.Entry<String, String> submitted : statusUrls.entrySet()) {
            JsonNode status = hub.awaitEveryItemDelivered(submitted.getValue(), Duration.ofSeconds(60));
            String id = status.path("id").asText();
            CompiledBundle bundle = bundles.find(submitted.getKey()).orElseThrow();
            for (CompiledBundle.CompiledItem item : bundle.items()) {
                JsonNode received = delivered(item.target(), id + ":" + item.id()).path("fields");
                for (CompiledBundle.CompiledDemand demand : item.demands()) {
                    if (demand.origin() instanceof gov.onceonly.hub.catalog.Origin.FormInput input
                            && typed.get(bundle.id()).containsKey(input.field())) {
                        assertThat(received.path(demand.name()).asText()).as("%s/%s.%s", bundle.id(), item.id(), demand.name())
                                .isEqualTo(typed.get(bundle.id()).get(input.field()));
                    }
                }
            }
        }
        assertThat(count("application")).as("no table was dropped or emptied").isGreaterThanOrEqualTo(statusUrls.size());
    }

    @Test
    void aKeyThatIsSqlFindsNothingInAnyJdbcSource() {
        List<String> asked = new ArrayList<>();
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            ConnectorDefinition connector = entry.definition();
            if (connector.kind() != ConnectorKind.JDBC || !connector.isSource()) {
                continue;
            }
            for (String dataset : connector.datasets().keySet()) {
                for (String payload : PAYLOADS) {
                    SourceAnswer answer = camel.requestBody("direct:source-" + connector.id(),
                            new FetchRequest("injection-test", connector.id(), dataset, payload), SourceAnswer.class);
                    assertThat(answer.outcome()).as("%s/%s with key %s", connector.id(), dataset, payload)
                            .isEqualTo(SourceAnswer.Outcome.NOT_FOUND);
                }
                asked.add(connector.id() + "/" + dataset);
            }
        }
        assertThat(asked).as("every JDBC source's datasets").hasSizeGreaterThanOrEqualTo(4);
    }

    private JsonNode delivered(String target, String idempotencyKey) throws Exception {
        Optional<String> body = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> sandbox.catalogue().delivered(target, idempotencyKey), Optional::isPresent);
        return json.readTree(body.orElseThrow());
    }
}
