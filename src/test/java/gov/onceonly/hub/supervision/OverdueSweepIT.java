package gov.onceonly.hub.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An item's clock on the real hub: started by its department's acceptance with the mapping's time limit, moved
 * DUE_SOON and then OVERDUE by the sweep as time passes (the sweep is run at moved instants, the hub's own runs at
 * today's find nothing due), each move once, escalated on the supervision topic and in the supervisor's list; a
 * decision after the due date is applied and recorded late.
 */
class OverdueSweepIT extends HubIntegrationTest {

    @Autowired
    OverdueSweep sweep;
    @Autowired
    TimeLimits limits;
    @Value("${hub.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void anAcceptedItemGoesDueSoonThenOverdueOnceEachAndIsEscalated() throws Exception {
        departmentsDecide(false);
        String id = birthCertificateDelivered(familiesWithBirthRecords().get(275));
        Instant before = Instant.now().minusSeconds(1);
        ok(hub.reportStatus(id, "birth-certificate", "{\"status\":\"ACCEPTED\"}"));

        Map<String, Object> clock = item(id);
        assertThat(clock.get("time_limit_days")).as("mappings/newborn.yaml").isEqualTo(10);
        Instant acceptedAt = instant(clock, "accepted_at");
        assertThat(acceptedAt).isBetween(before, Instant.now());
        TimeLimits.Due due = limits.due(acceptedAt, 10);
        // Ten working days span two weekends at least: twelve days from a Sunday, more from any other day.
        assertThat(instant(clock, "due_at")).isEqualTo(due.dueAt()).isAfter(acceptedAt.plus(Duration.ofDays(12)));
        assertThat(instant(clock, "due_soon_at")).isEqualTo(due.dueSoonAt()).isBefore(due.dueAt());
        assertThat(clock.get("supervision")).isNull();

        assertThat(escalated(sweep.sweep(due.dueSoonAt().minusSeconds(1)), id)).as("not yet").isEmpty();
        assertThat(escalated(sweep.sweep(due.dueSoonAt().plusSeconds(1)), id)).containsExactly(Escalation.DUE_SOON);
        assertThat(item(id).get("supervision")).isEqualTo("DUE_SOON");
        assertThat(escalated(sweep.sweep(due.dueSoonAt().plusSeconds(2)), id)).as("once").isEmpty();
        JsonNode dueSoon = listed(id, "");
        assertThat(dueSoon.path("level").asText()).isEqualTo("DUE_SOON");
        assertThat(dueSoon.path("itemName").asText()).isEqualTo("出生医学证明");
        assertThat(dueSoon.path("department").asText()).isEqualTo("市卫生健康委");
        assertThat(dueSoon.path("workingDaysOverdue").asInt()).isZero();

        assertThat(escalated(sweep.sweep(due.dueAt()), id)).containsExactly(Escalation.OVERDUE);
        assertThat(escalated(sweep.sweep(due.dueAt().plus(Duration.ofDays(3))), id)).as("once").isEmpty();
        assertThat(item(id).get("supervision")).isEqualTo("OVERDUE");
        assertThat(listed(id, "?level=OVERDUE&department="
                + java.net.URLEncoder.encode("市卫生健康委", java.nio.charset.StandardCharsets.UTF_8)).path("level").asText()).isEqualTo("OVERDUE");
        assertThat(jdbc.queryForList("select level from supervision_escalation where application_id = ?::uuid order by id",
                String.class, id)).containsExactly("DUE_SOON", "OVERDUE");

        // The escalations reach the supervision topic, once each, through the outbox.
        List<JsonNode> published = published("hub.supervision", id + ":birth-certificate", 2);
        assertThat(published).extracting(e -> e.path("level").asText()).containsExactly("DUE_SOON", "OVERDUE");
        assertThat(published.get(1).path("department").asText()).isEqualTo("市卫生健康委");
        assertThat(published.get(1).path("bundle").asText()).isEqualTo("newborn");
        assertThat(Instant.parse(published.get(1).path("dueAt").asText())).isEqualTo(due.dueAt());
        assertThat(published.get(1).path("timeLimitDays").asInt()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(hub.asViewer().get("/actuator/prometheus").body())
                .containsPattern("hub_supervision_items\\{application=\"onceonly-hub\",department=\"市卫生健康委\",level=\"overdue\"} [1-9]"));

        // A decision after the due date (the due date moved back here, the hub's own clock cannot be): applied, late.
        jdbc.update("update application_item set due_at = now() - interval '1 hour' where application_id = ?::uuid"
                + " and item_id = 'birth-certificate'", id);
        JsonNode done = ok(hub.reportStatus(id, "birth-certificate",
                "{\"status\":\"DONE\",\"result\":\"准予发证\",\"certificateNo\":\"Q500002510\"}"));
        assertThat(done.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        Map<String, Object> decided = item(id);
        assertThat(decided.get("decided_late")).isEqualTo(true);
        assertThat(decided.get("decided_at")).isNotNull();
        JsonNode list = hub.body(okResponse(hub.asOperator().get("/api/v1/supervision/overdue")));
        assertThat(list.path("items").findValuesAsText("applicationId")).as("decided: no longer chased").doesNotContain(id);
    }

    @Test
    void aDecisionInTimeIsNotLateAndAnItemNeverAcceptedHasNoClock() throws Exception {
        departmentsDecide(false);
        String id = birthCertificateDelivered(familiesWithBirthRecords().get(276));
        assertThat(item(id).get("due_at")).as("delivered, not accepted").isNull();
        ok(hub.reportStatus(id, "birth-certificate", "{\"status\":\"DONE\",\"certificateNo\":\"Q500002520\"}"));
        Map<String, Object> decided = item(id);
        assertThat(decided.get("accepted_at")).as("a decision without acceptance starts and stops the clock").isNotNull();
        assertThat(decided.get("decided_late")).isEqualTo(false);
        assertThat(escalated(sweep.sweep(Instant.now().plus(Duration.ofDays(60))), id)).as("decided: never escalated").isEmpty();
    }

    @Test
    void onlyAnOperatorReadsSupervision() throws Exception {
        assertThat(hub.get("/api/v1/supervision/overdue").statusCode()).as("a channel").isEqualTo(403);
        assertThat(hub.asDepartment("市公安局").get("/api/v1/supervision/departments").statusCode()).isEqualTo(403);
        assertThat(hub.asViewer().get("/api/v1/supervision/overdue").statusCode()).isEqualTo(403);
        assertThat(hub.asOperator().get("/api/v1/supervision/overdue").statusCode()).isEqualTo(200);
    }

    private String birthCertificateDelivered(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        // Read where the hub stores it: the view would say the same, but names nothing when it does not come.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select status, delivered_at, last_error from application_item where application_id = ?::uuid"
                        + " and item_id = 'birth-certificate'", id)).singleElement()
                .satisfies(row -> assertThat(row.get("delivered_at")).as(row.toString()).isNotNull()));
        return id;
    }

    private Map<String, Object> item(String id) {
        return jdbc.queryForMap("""
                select time_limit_days, accepted_at, due_soon_at, due_at, supervision, decided_at, decided_late
                from application_item where application_id = ?::uuid and item_id = 'birth-certificate'""", id);
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }

    private static List<String> escalated(List<Escalation> escalations, String id) {
        return escalations.stream().filter(e -> e.applicationId().equals(UUID.fromString(id))).map(Escalation::level).toList();
    }

    private JsonNode listed(String id, String query) throws Exception {
        JsonNode list = hub.body(okResponse(hub.asOperator().get("/api/v1/supervision/overdue" + query)));
        for (JsonNode item : list.path("items")) {
            if (item.path("applicationId").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("application " + id + " is not on the list: " + list);
    }

    private List<JsonNode> published(String topic, String key, int expected) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "supervision-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < until && found.size() < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
            }
            // Anything published twice would be there by now too.
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                if (key.equals(record.key())) {
                    found.add(json.readTree(record.value()));
                }
            }
        }
        return found;
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        return hub.body(okResponse(response));
    }

    private static HttpResponse<String> okResponse(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
