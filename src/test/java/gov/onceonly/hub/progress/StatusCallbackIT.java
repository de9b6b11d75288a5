package gov.onceonly.hub.progress;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Departments report their items' progress over REST and over the status topic, against a newborn application
 * delivered end to end: forward only, repeats harmless, a decision final, bad reports refused naming the field.
 */
class StatusCallbackIT extends HubIntegrationTest {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    @Autowired
    ApplicationStore applications;
    @Autowired
    TransactionTemplate tx;
    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${hub.topics.item-status}")
    String statusTopic;

    /** This test reports as the departments. */
    @BeforeEach
    void departmentsWait() {
        departmentsDecide(false);
    }

    @Test
    void restReportsMoveAnItemForwardOnlyAndADecisionIsFinal() throws Exception {
        String id = birthCertificateDelivered(familiesWithBirthRecords().get(10));
        Instant acceptedAt = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        Instant doneAt = acceptedAt.plusSeconds(60);

        JsonNode accepted = ok(report(id, "birth-certificate", """
                {"status":"ACCEPTED","at":"%s","eventId":"wj-1"}""".formatted(acceptedAt.atOffset(BEIJING))));
        assertThat(accepted.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("applicationStatus").asText()).isEqualTo("IN_PROGRESS");

        String done = """
                {"status":"DONE","at":"%s","result":"准予发证","certificateNo":"Q500000010"}""".formatted(doneAt);
        JsonNode decided = ok(report(id, "birth-certificate", done));
        assertThat(decided.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(decided.path("deptStatus").asText()).isEqualTo("DONE");
        assertThat(decided.path("certificateNo").asText()).isEqualTo("Q500000010");
        long events = events(id);

        JsonNode again = ok(report(id, "birth-certificate", done));
        assertThat(again.path("outcome").asText()).as("the same report twice").isEqualTo("DUPLICATE");
        assertThat(again.path("status").asText()).isEqualTo("DONE");
        assertThat(ok(report(id, "birth-certificate", """
                {"status":"ACCEPTED","eventId":"wj-1"}""")).path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(events(id)).as("a repeat records nothing").isEqualTo(events);

        JsonNode late = ok(report(id, "birth-certificate", """
                {"status":"IN_PROGRESS","at":"%s"}""".formatted(acceptedAt.plusSeconds(30))));
        assertThat(late.path("outcome").asText()).as("out of order").isEqualTo("IGNORED");
        assertThat(late.path("status").asText()).isEqualTo("DONE");
        assertThat(events(id)).as("an ignored report is kept in the log").isEqualTo(events + 1);

        HttpResponse<String> conflict = report(id, "birth-certificate", """
                {"status":"REJECTED","reason":"材料不全"}""");
        assertProblem(conflict, 409, "status-conflict", "status");

        JsonNode view = hub.body(hub.get("/api/v1/applications/" + id));
        JsonNode item = item(view, "birth-certificate");
        assertThat(item.path("status").asText()).isEqualTo("DONE");
        assertThat(item.path("deptStatus").asText()).isEqualTo("DONE");
        assertThat(Instant.parse(item.path("deptStatusAt").asText())).isEqualTo(doneAt);
        assertThat(item.path("result").asText()).isEqualTo("准予发证");
        assertThat(item.path("certificateNo").asText()).isEqualTo("Q500000010");
        assertThat(item.path("deliveredAt").asText()).isNotBlank();
        List<JsonNode> timeline = StreamSupport.stream(item.path("timeline").spliterator(), false).toList();
        assertThat(timeline).extracting(e -> e.path("status").asText()).containsExactly("ACCEPTED", "IN_PROGRESS", "DONE");
        assertThat(timeline).extracting(e -> e.path("applied").asBoolean()).containsExactly(true, false, true);
        assertThat(Instant.parse(timeline.get(0).path("at").asText())).as("the department's time").isEqualTo(acceptedAt);
        assertThat(Instant.parse(timeline.get(0).path("receivedAt").asText())).isAfter(acceptedAt);
        assertThat(timeline.get(0).path("source").asText()).isEqualTo("REST");
        assertThat(timeline.get(0).path("eventId").asText()).isEqualTo("wj-1");
        assertThat(timeline.get(1).path("details").path("ignored").asText()).contains("backwards");
        assertThat(timeline.get(2).path("details").path("certificateNo").asText()).isEqualTo("Q500000010");
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(item(view, "household-registration").path("timeline")).isEmpty();
    }

    @Test
    void badReportsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        String id = birthCertificateDelivered(familiesWithBirthRecords().get(11));
        long events = events(id);

        assertProblem(report(id, "birth-certificate", "{\"status\":\"FINISHED\"}"), 422, "invalid-status-report", "status");
        assertProblem(report(id, "birth-certificate", "{\"status\":\"REJECTED\"}"), 422, "invalid-status-report", "reason");
        assertProblem(report(id, "birth-certificate", "{\"status\":\"ACCEPTED\",\"at\":\"soon\"}"), 422,
                "invalid-status-report", "at");
        assertProblem(report(id, "birth-certificate", "{\"status\":\"DONE\",\"result\":\"准予\\u0000发证\"}"), 422,
                "invalid-status-report", "result");
        assertProblem(report(id, "no-such-item", "{\"status\":\"ACCEPTED\"}"), 404, "unknown-item", "item");
        assertProblem(report(UUID.randomUUID().toString(), "birth-certificate", "{\"status\":\"ACCEPTED\"}"), 404,
                "unknown-application", "applicationId");

        assertThat(events(id)).isEqualTo(events);
        JsonNode view = hub.body(hub.get("/api/v1/applications/" + id));
        assertThat(view.path("status").asText()).as("the other items wait for it").isEqualTo("IN_PROGRESS");
        assertThat(item(view, "birth-certificate").path("deptStatus").isNull()).isTrue();
    }

    @Test
    void aDepartmentCannotReportOnAnItemItNeverReceived() throws Exception {
        SyntheticPeople.Family noBirthRecord = sandbox.people().families().stream().filter(f -> f.birth() == null)
                .skip(3).findFirst().orElseThrow();
        String statusUrl = hub.submit(HubClient.newborn(noBirthRecord.mother().idNumber(), noBirthRecord.mother().name()));
        JsonNode view = hub.awaitStatus(statusUrl, "NEEDS_MATERIALS");
        String id = view.path("id").asText();
        String waiting = StreamSupport.stream(view.path("items").spliterator(), false)
                .filter(i -> "NEEDS_MATERIALS".equals(i.path("status").asText())).findFirst().orElseThrow()
                .path("item").asText();

        JsonNode problem = assertProblem(report(id, waiting, "{\"status\":\"ACCEPTED\"}"), 409, "item-not-delivered", "status");
        assertThat(problem.path("detail").asText()).contains("NEEDS_MATERIALS").contains("has not delivered");
    }

    @Test
    void theStatusTopicMovesItemsAndKeepsWhatItCannotAccept() throws Exception {
        String id = newbornWithEveryItemDelivered(familiesWithBirthRecords().get(12));
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            // Bad messages first, on the same key and so the same partition: they must not hold up the good one.
            producer.send(new ProducerRecord<>(statusTopic, id, "not json " + marker)).get();
            producer.send(new ProducerRecord<>(statusTopic, id, """
                    {"applicationId":"%s","item":"medical-insurance","status":"SETTLED","eventId":"%s"}"""
                    .formatted(id, marker))).get();
            producer.send(new ProducerRecord<>(statusTopic, id, """
                    {"applicationId":"%s","item":"medical-insurance","status":"DONE","result":"参保登记完成","eventId":"ybj-%s"}"""
                    .formatted(id, marker))).get();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                "DONE".equals(item(hub.body(hub.get("/api/v1/applications/" + id)), "medical-insurance").path("status").asText()));

        // Kept sealed (SealedColumnsIT); an operator reads them through the ops endpoint, newest first.
        List<JsonNode> rejected = new java.util.ArrayList<>();
        hub.body(hub.asOperator().get("/api/v1/ops/rejected-status-reports?limit=500")).forEach(r -> {
            if (r.path("payload").asText().contains(marker)) {
                rejected.add(0, r);
            }
        });
        assertThat(rejected).extracting(r -> r.path("problem").asText()).containsExactly("malformed-json", "invalid-status-report");
        assertThat(rejected.get(1).path("errors").toString()).contains("\"field\":\"status\"");
        JsonNode event = item(hub.body(hub.get("/api/v1/applications/" + id)), "medical-insurance").path("timeline").path(0);
        assertThat(event.path("source").asText()).isEqualTo("KAFKA");
        assertThat(event.path("details").path("result").asText()).isEqualTo("参保登记完成");

        // The remaining department decides its item, one sends its item back: every item decided completes the application.
        ok(report(id, "vaccination-certificate", "{\"status\":\"DONE\",\"certificateNo\":\"C-vaccination\"}"));
        JsonNode last = ok(report(id, "social-security-card", "{\"status\":\"REJECTED\",\"reason\":\"照片不符合要求\"}"));
        assertThat(last.path("applicationStatus").asText()).isEqualTo("COMPLETED");
        JsonNode view = hub.body(hub.get("/api/v1/applications/" + id));
        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(item(view, "social-security-card").path("reason").asText()).isEqualTo("照片不符合要求");
    }

    @Test
    void aReportOnAnItemStillPendingProvesItsDeliveryAndCancelsItsRetry() throws Exception {
        String id = newbornWithEveryItemDelivered(familiesWithBirthRecords().get(14));
        UUID application = UUID.fromString(id);
        // The department answered the hub's delivery, but the hub has not recorded it: it waits for a retry.
        jdbc.update("""
                update application_item set status = 'PENDING', delivered_at = null, last_error = 'timeout',
                       next_delivery_at = now() + interval '1 hour'
                where application_id = ? and item_id = ?""", application, "social-security-card");

        JsonNode accepted = ok(report(id, "social-security-card", "{\"status\":\"ACCEPTED\"}"));
        assertThat(accepted.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        Map<String, Object> row = jdbc.queryForMap("""
                select delivered_at, next_delivery_at, last_error from application_item
                where application_id = ? and item_id = ?""", application, "social-security-card");
        assertThat(row.get("delivered_at")).as("the report proves the delivery").isNotNull();
        assertThat(row.get("next_delivery_at")).as("no retry any more").isNull();
        assertThat(row.get("last_error")).isNull();

        // The hub's late record of its own delivery moves nothing back.
        tx.executeWithoutResult(s -> {
            applications.markDelivered(application, List.of("social-security-card"));
            applications.refreshStatus(application);
        });
        JsonNode item = item(hub.body(hub.get("/api/v1/applications/" + id)), "social-security-card");
        assertThat(item.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(item.path("deliveredAt").asText()).isNotBlank();
    }

    @Test
    void aStatusTopicReportOnAParkedItemIsAppliedNotLost() throws Exception {
        String id = newbornWithEveryItemDelivered(familiesWithBirthRecords().get(15));
        UUID application = UUID.fromString(id);
        jdbc.update("update application_item set status = 'PARKED', delivered_at = null where application_id = ? and item_id = ?",
                application, "medical-insurance");
        jdbc.update("update application set status = 'NEEDS_ATTENTION' where id = ?", application);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(statusTopic, id, """
                    {"applicationId":"%s","item":"medical-insurance","status":"DONE","result":"参保登记完成"}"""
                    .formatted(id))).get();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                "DONE".equals(item(hub.body(hub.get("/api/v1/applications/" + id)), "medical-insurance").path("status").asText()));
        JsonNode view = hub.body(hub.get("/api/v1/applications/" + id));
        assertThat(item(view, "medical-insurance").path("deliveredAt").asText()).isNotBlank();
        assertThat(view.path("status").asText()).as("nothing is parked any more").isEqualTo("IN_PROGRESS");
    }

    @Test
    void theSandboxApprovalSystemReportsBackWhenAskedTo() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(13);
        sandbox.statusReporter().enable(true);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        JsonNode[] item = new JsonNode[1];
        // ignoreExceptions: until the application is collected it has no items yet, and item() throws.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            item[0] = item(hub.body(hub.get(statusUrl)), "birth-certificate");
            return "DONE".equals(item[0].path("status").asText());
        });
        assertThat(item[0].path("certificateNo").asText()).matches("Q\\d{9}");
        assertThat(item[0].path("timeline").findValuesAsText("status")).containsExactly("ACCEPTED", "DONE");
        JsonNode view = await().atMost(Duration.ofSeconds(20)).until(() -> hub.body(hub.get(statusUrl)),
                v -> "DELIVERED".equals(item(v, "household-registration").path("status").asText()));
        assertThat(item(view, "social-security-card").path("status").asText())
                .as("only 市卫生健康委 reports: the card waits for 市公安局's registration").isEqualTo("WAITING");
    }

    private String birthCertificateDelivered(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        awaitItemDelivered(statusUrl, "birth-certificate");
        return statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> report(String id, String item, String body) throws Exception {
        return hub.reportStatus(id, item, body);
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return hub.body(response);
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String type, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        JsonNode problem = hub.body(response);
        assertThat(problem.path("type").asText()).isEqualTo("urn:onceonly:problem:" + type);
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        return problem;
    }

    private long events(String id) {
        Long n = jdbc.queryForObject("select count(*) from item_event where application_id = ?::uuid", Long.class, id);
        return n == null ? 0 : n;
    }

    private static JsonNode item(JsonNode view, String name) {
        return StreamSupport.stream(view.path("items").spliterator(), false)
                .filter(i -> name.equals(i.path("item").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + name + " in " + view));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }
}
