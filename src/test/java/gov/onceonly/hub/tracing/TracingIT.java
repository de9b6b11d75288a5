package gov.onceonly.hub.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A channel's traceparent is followed from intake, through the Kafka messages, to the department calls, and
 * shows in the log lines and the application's status.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingIT extends HubIntegrationTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Value("${hub.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void theChannelsTraceReachesEveryHop(CapturedOutput output) throws Exception {
        var family = familiesWithBirthRecords().get(171);
        URI intake = URI.create("http://127.0.0.1:" + port + "/api/v1/applications");
        byte[] application = HubClient.newborn(family.mother().idNumber(), family.mother().name()).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(intake)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                .header(HubClient.APPLICANT_IDENTITY, sandbox.identityProvider().tokenFor(family.mother().idNumber()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(application));
        HubClient.signature(HubClient.PORTAL_KEY, HubClient.PORTAL_SECRET, "POST", intake, application).forEach(request::header);
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("traceparent")).hasValueSatisfying(header -> assertThat(header)
                .startsWith("00-" + TRACE + "-").doesNotContain("00f067aa0ba902b7"));

        JsonNode status = hub.awaitEveryItemDelivered(hub.body(accepted).path("statusUrl").asText());
        String id = status.path("id").asText();
        assertThat(status.path("traceId").asText()).isEqualTo(TRACE);

        assertThat(sandbox.lookups().traceparents("gongan-population")).anyMatch(h -> h.startsWith("00-" + TRACE + "-"));
        assertThat(sandbox.lookups().traceparents("weijian-approval")).anyMatch(h -> h.startsWith("00-" + TRACE + "-"));
        assertThat(sandbox.lookups().traceparents("rlsb-card-approval")).anyMatch(h -> h.startsWith("00-" + TRACE + "-"));

        assertThat(traceparentsOf("hub.applications", id)).isNotEmpty().allMatch(h -> h.startsWith("00-" + TRACE + "-"));
        // The birth certificate went out with the application, without a message of its own; the items that waited
        // for its decision (or the registration's) were queued when released, still in the channel's trace.
        assertThat(traceparentsOf("hub.deliveries", id)).as("the released items").hasSizeGreaterThanOrEqualTo(4)
                .allMatch(h -> h.startsWith("00-" + TRACE + "-"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(output.getOut()).containsPattern("\\[" + TRACE + ",[0-9a-f]{16}\\] gov\\.onceonly\\.hub\\.intake\\.Intake +: Accepted application " + id);
            assertThat(output.getOut()).containsPattern("\\[" + TRACE + ",[0-9a-f]{16}\\] gov\\.onceonly\\.hub\\.pipeline\\.CollectStage +: Collected application " + id);
        });
    }

    @Test
    void withoutATraceparentTheHubStartsATrace() throws Exception {
        var family = familiesWithBirthRecords().get(172);
        HttpResponse<String> accepted = hub.post("/api/v1/applications", HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String header = accepted.headers().firstValue("traceparent").orElseThrow();
        String traceId = TraceParent.parse(header).orElseThrow().traceId();
        JsonNode status = hub.awaitEveryItemDelivered(hub.body(accepted).path("statusUrl").asText());
        assertThat(status.path("traceId").asText()).isEqualTo(traceId);
    }

    private List<String> traceparentsOf(String topic, String applicationId) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "tracing-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    // Deliveries are keyed <application>:<item>, the application itself by its id.
                    if (record.key() != null && (record.key().equals(applicationId) || record.key().startsWith(applicationId + ":"))) {
                        Header header = record.headers().lastHeader("traceparent");
                        found.add(header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                if (!found.isEmpty() && consumer.assignment().stream().allMatch(p ->
                        consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p))) {
                    break;
                }
            }
        }
        return found;
    }
}
