package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
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
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace follows an application, as spans (HubIntegrationTest.Spans keeps what the hub records) and as W3C headers:
 * the channel's request (Spring's server span), the outbox relay's Kafka record, the pipeline's stages and every
 * department call, whose traceparent the department receives; and the log lines of the work carry its ids.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingIT extends HubIntegrationTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CHANNEL_SPAN = "00f067aa0ba902b7";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @Value("${hub.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void theChannelsTraceReachesEveryHopAsSpansAndHeaders(CapturedOutput output) throws Exception {
        var family = familiesWithBirthRecords().get(171);
        URI intake = URI.create("http://127.0.0.1:" + port + "/api/v1/applications");
        byte[] application = HubClient.newborn(family.mother().idNumber(), family.mother().name()).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(intake)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + TRACE + "-" + CHANNEL_SPAN + "-01")
                .header(HubClient.APPLICANT_IDENTITY, sandbox.identityProvider().tokenFor(family.mother().idNumber()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(application));
        HubClient.signature(HubClient.PORTAL_KEY, HubClient.PORTAL_SECRET, "POST", intake, application).forEach(request::header);
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        // The hub's span of the request, in the channel's trace.
        String intakeSpan = spanOf(accepted.headers().firstValue("traceparent").orElseThrow(), TRACE);
        assertThat(intakeSpan).isNotEqualTo(CHANNEL_SPAN);

        JsonNode status = hub.awaitEveryItemDelivered(hub.body(accepted).path("statusUrl").asText());
        String id = status.path("id").asText();
        assertThat(status.path("traceId").asText()).isEqualTo(TRACE);

        // Intake: Spring's server span, child of the channel's.
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getSpanId().equals(intakeSpan));
        assertThat(server.getParentSpanId()).isEqualTo(CHANNEL_SPAN);
        assertThat(server.getName()).contains("/api/v1/applications");
        // The outbox relay's record of it, the worker's work on that record, and the stages under it.
        SpanData publish = awaitSpan(s -> s.getName().equals("publish hub.applications") && s.getKind() == SpanKind.PRODUCER
                && s.getParentSpanId().equals(intakeSpan));
        SpanData process = awaitSpan(s -> s.getName().equals("process hub.applications") && s.getKind() == SpanKind.CONSUMER
                && s.getParentSpanId().equals(publish.getSpanId()));
        SpanData collect = awaitSpan(s -> s.getName().equals("collect") && s.getParentSpanId().equals(process.getSpanId()));
        assertThat(collect.getAttributes().asMap().toString()).contains(id);
        awaitSpan(s -> s.getName().equals("map") && s.getParentSpanId().equals(collect.getSpanId()));
        SpanData dispatch = awaitSpan(s -> s.getName().equals("dispatch") && s.getParentSpanId().equals(process.getSpanId()));

        // Department calls: the hub's span of each, and Camel's of its transport, whose traceparent the department got.
        SpanData fetch = awaitSpan(s -> s.getName().equals("fetch gongan-population") && s.getParentSpanId().equals(collect.getSpanId()));
        SpanData get = awaitSpan(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("GET")
                && s.getParentSpanId().equals(fetch.getSpanId()));
        assertThat(sandbox.lookups().traceparents("gongan-population")).contains("00-" + TRACE + "-" + get.getSpanId() + "-01");
        // The birth certificate goes with the first dispatch; the items that wait for decisions go once released (a
        // process hub.deliveries of their own, in the same trace).
        SpanData birthCertificate = awaitSpan(s -> s.getName().equals("push weijian-approval")
                && s.getParentSpanId().equals(dispatch.getSpanId()));
        SpanData post = awaitSpan(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("POST")
                && s.getParentSpanId().equals(birthCertificate.getSpanId()));
        assertThat(sandbox.lookups().traceparents("weijian-approval")).contains("00-" + TRACE + "-" + post.getSpanId() + "-01");
        for (String target : List.of("rlsb-card-approval", "ybj-enrolment", "gongan-household-exchange")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans(s -> s.getTraceId().equals(TRACE)
                    && s.getName().equals("push " + target) && isA("dispatch", s.getParentSpanId()))).as(target).isNotEmpty());
        }
        SpanData card = awaitSpan(s -> s.getTraceId().equals(TRACE) && s.getKind() == SpanKind.CLIENT && s.getName().equals("POST")
                && isA("push rlsb-card-approval", s.getParentSpanId()));
        assertThat(sandbox.lookups().traceparents("rlsb-card-approval")).contains("00-" + TRACE + "-" + card.getSpanId() + "-01");
        SpanData enrolment = awaitSpan(s -> s.getTraceId().equals(TRACE) && s.getKind() == SpanKind.PRODUCER
                && s.getName().equals("ybj.enrolment-requests") && isA("push ybj-enrolment", s.getParentSpanId()));
        awaitSpan(s -> s.getTraceId().equals(TRACE) && s.getKind() == SpanKind.CLIENT && s.getName().equals("jdbc")
                && isA("push gongan-household-exchange", s.getParentSpanId()));
        // Kafka: the department's record, the pipeline's own (the relay writes the application's trace).
        assertThat(traceparentsOf("ybj.enrolment-requests", id)).contains("00-" + TRACE + "-" + enrolment.getSpanId() + "-01");
        assertThat(traceparentsOf("hub.applications", id)).contains("00-" + TRACE + "-" + publish.getSpanId() + "-01")
                .allMatch(h -> h.startsWith("00-" + TRACE + "-"));
        // The birth certificate went out with the application, without a message of its own; the items that waited
        // for its decision (or the registration's) were queued when released, still in the channel's trace.
        assertThat(traceparentsOf("hub.deliveries", id)).as("the released items").hasSizeGreaterThanOrEqualTo(4)
                .allMatch(h -> h.startsWith("00-" + TRACE + "-"));

        // Ids and names, never the applicant's ID number (an http source's key is in the path Camel's span leaves out).
        assertThat(spans(s -> s.getTraceId().equals(TRACE))).hasSizeGreaterThan(20).allSatisfy(s ->
                assertThat(s.getName() + s.getAttributes()).doesNotContain(family.mother().idNumber()));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(output.getOut()).containsPattern("\\[" + TRACE + "," + intakeSpan
                    + "\\] gov\\.onceonly\\.hub\\.intake\\.Intake +: Accepted application " + id);
            assertThat(output.getOut()).containsPattern("\\[" + TRACE + "," + collect.getSpanId()
                    + "\\] gov\\.onceonly\\.hub\\.pipeline\\.CollectStage +: Collected application " + id);
        });
    }

    @Test
    void withoutATraceparentTheHubStartsATrace() throws Exception {
        var family = familiesWithBirthRecords().get(172);
        HttpResponse<String> accepted = hub.post("/api/v1/applications", HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        var header = TRACEPARENT.matcher(accepted.headers().firstValue("traceparent").orElseThrow());
        assertThat(header.matches()).isTrue();
        String traceId = header.group(1);
        JsonNode status = hub.awaitEveryItemDelivered(hub.body(accepted).path("statusUrl").asText());
        assertThat(status.path("traceId").asText()).isEqualTo(traceId);
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getSpanId().equals(header.group(2)));
        assertThat(server.getParentSpanContext().isValid()).as("the request's span is the trace's root").isFalse();
        // The stages, each item released later dispatched on its own.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(spans(s -> s.getTraceId().equals(traceId) && s.getName().equals("collect"))).hasSize(1);
            assertThat(spans(s -> s.getTraceId().equals(traceId) && s.getName().equals("dispatch"))).hasSizeGreaterThan(1);
        });
    }

    /**
     * Camel's spans are observations of a registry of their own: Spring Boot's still makes the http metrics of its
     * observations, and no timer is made of a Camel operation name.
     */
    @Test
    void tracingLeavesTheMetricsAsTheyWere() throws Exception {
        hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(familiesWithBirthRecords().get(173).mother().idNumber(),
                familiesWithBirthRecords().get(173).mother().name())));
        String scrape = hub.asViewer().get("/actuator/prometheus").body();
        assertThat(scrape).contains("http_server_requests_seconds_count{")
                // Camel names a send "camel.component" and a route's exchange after its endpoint (the status topic's).
                .doesNotContain("camel_component", "hub_item_status");
    }

    /** The span id of a traceparent of that trace. */
    private static String spanOf(String traceparent, String trace) {
        var header = TRACEPARENT.matcher(traceparent);
        assertThat(header.matches()).as(traceparent).isTrue();
        assertThat(header.group(1)).isEqualTo(trace);
        return header.group(2);
    }

    /** Whether the span of that id (in the trace of this test) has that name. */
    private boolean isA(String name, String spanId) {
        return !spans(s -> s.getSpanId().equals(spanId) && s.getName().equals(name)).isEmpty();
    }

    private List<SpanData> spans(Predicate<SpanData> which) {
        return spans.getFinishedSpanItems().stream().filter(which).toList();
    }

    /** The one span recorded that matches (the exporter gets spans a moment after they end). */
    private SpanData awaitSpan(Predicate<SpanData> which) {
        List<SpanData> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            found.clear();
            found.addAll(spans(which));
            assertThat(found).hasSize(1);
        });
        return found.get(0);
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
