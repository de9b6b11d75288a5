package gov.onceonly.hub.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The departments' figures from a seeded history in March 2025 (long before anything another test submits), with
 * answers worked out by hand: three newborn applications, five items delivered in the month to two departments, two of them rated.
 */
class SupervisionFiguresIT extends HubIntegrationTest {

    private static final String PERIOD = "from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z";
    private static final AtomicBoolean SEEDED = new AtomicBoolean();
    private static final String WEIJIAN = "市卫生健康委";
    private static final String GONGAN = "市公安局";

    @BeforeAll
    static void once() {
        SEEDED.set(false);
    }

    /**
     * A: birth certificate (卫健委) delivered 3 March 01:00, accepted 1 h later, done 5 h after delivery; household
     * registration (公安局) delivered 06:00, accepted 2 h later, overdue, rejected late 26 h after delivery.
     * B: birth certificate delivered 4 March 01:00, accepted 3 h later, overdue, still open; its household registration
     * delivered in April (outside). C: birth certificate delivered in February (outside, but C's first item); household
     * registration delivered 5 March, not accepted.
     */
    private void seed() {
        if (!SEEDED.compareAndSet(false, true)) {
            return;
        }
        UUID a = application("2025-03-03T00:30:00Z");
        item(a, "birth-certificate", WEIJIAN, "DONE", "2025-03-03T01:00:00Z", 1, 5, null, false);
        item(a, "household-registration", GONGAN, "REJECTED", "2025-03-03T06:00:00Z", 2, 26, "OVERDUE", true);
        UUID b = application("2025-03-04T00:30:00Z");
        item(b, "birth-certificate", WEIJIAN, "ACCEPTED", "2025-03-04T01:00:00Z", 3, null, "OVERDUE", null);
        item(b, "household-registration", GONGAN, "DELIVERED", "2025-04-02T01:00:00Z", null, null, null, null);
        UUID c = application("2025-02-27T00:30:00Z");
        item(c, "birth-certificate", WEIJIAN, "DONE", "2025-02-27T01:00:00Z", 1, 2, null, false);
        item(c, "household-registration", GONGAN, "DELIVERED", "2025-03-05T01:00:00Z", null, null, null, null);
        // Ratings (好差评): A 满意 overall but 非常不满意 with its household registration, whose case 公安局 has not
        // answered; C 不满意 overall, so for both its departments: 卫健委 answered its case in time and it is closed,
        // 公安局 answered after the due date.
        rating(a, "满意", "2025-03-06T02:00:00Z");
        jdbc.update("insert into item_rating (application_id, item_id, level) values (?, 'household-registration', '非常不满意')", a);
        rectification(a, GONGAN, "OPEN", "2025-03-06T02:00:00Z", null, false);
        rating(c, "不满意", "2025-03-07T02:00:00Z");
        rectification(c, WEIJIAN, "CLOSED", "2025-03-07T02:00:00Z", "2025-03-10T02:00:00Z", true);
        rectification(c, GONGAN, "ANSWERED", "2025-03-07T02:00:00Z", "2025-03-25T02:00:00Z", false);
    }

    private void rating(UUID application, String level, String at) {
        jdbc.update("insert into application_rating (application_id, level, rated_by, rated_at) values (?, ?, 'seeded', ?)",
                application, level, Timestamp.from(Instant.parse(at)));
    }

    /** A case due 15 days after it opened, answered at {@code answeredAt} (null: not yet), closed or not. */
    private void rectification(UUID application, String department, String status, String openedAt, String answeredAt,
                               boolean closed) {
        Instant opened = Instant.parse(openedAt);
        Timestamp answered = answeredAt == null ? null : Timestamp.from(Instant.parse(answeredAt));
        jdbc.update("""
                insert into rectification_case (id, application_id, department, level, status, opened_at, due_at,
                    answered_at, callback_result, closed_at)
                values (?, ?, ?, '不满意', ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), application, department, status, Timestamp.from(opened),
                Timestamp.from(opened.plus(Duration.ofDays(15))), answered, closed ? "satisfied" : null,
                closed ? answered : null);
    }

    @Test
    void theFiguresOfAPeriodAreThoseWorkedOutByHand() throws Exception {
        seed();
        JsonNode figures = hub.body(ok(hub.asOperator().get("/api/v1/supervision/departments?" + PERIOD)));
        assertThat(figures.path("departments").findValuesAsText("department")).containsExactly(GONGAN, WEIJIAN);

        JsonNode weijian = department(figures, WEIJIAN);
        assertCounts(weijian, 2, 2, 1, 0, 1, 0);
        assertDurations(weijian.path("toAcceptance"), 2, 7200.0, 10080.0); // 1 h and 3 h
        assertDurations(weijian.path("toDecision"), 1, 18000.0, 18000.0);
        assertThat(weijian.path("stepsSaved").asLong()).as("A's and B's birth certificates are where they applied").isZero();
        assertThat(weijian.path("satisfaction").asDouble()).as("A's 满意 and C's 不满意").isEqualTo(0.5);
        assertThat(weijian.path("badRatingCasesOpen").asLong()).as("C's case is closed").isZero();
        assertThat(weijian.path("badRatingCasesLate").asLong()).isZero();

        JsonNode gongan = department(figures, GONGAN);
        assertCounts(gongan, 2, 1, 0, 1, 1, 1);
        assertDurations(gongan.path("toAcceptance"), 1, 7200.0, 7200.0);
        assertDurations(gongan.path("toDecision"), 1, 93600.0, 93600.0);
        assertThat(gongan.path("stepsSaved").asLong()).as("A's and C's household registrations").isEqualTo(2);
        assertThat(gongan.path("satisfaction").asDouble()).as("A's item 非常不满意 (not A's 满意), C's 不满意").isEqualTo(0.0);
        assertThat(gongan.path("badRatingCasesOpen").asLong()).as("A's unanswered, C's answered not closed").isEqualTo(2);
        assertThat(gongan.path("badRatingCasesLate").asLong()).as("both past their due date").isEqualTo(2);
    }

    @Test
    void theMonthlyReportIsTheSameFiguresAsJsonAndCsv() throws Exception {
        seed();
        JsonNode report = hub.body(ok(hub.asOperator().get("/api/v1/supervision/report?month=2025-03")));
        assertThat(report.path("month").asText()).isEqualTo("2025-03");
        assertThat(Instant.parse(report.path("from").asText())).as("in Beijing time").isEqualTo("2025-02-28T16:00:00Z");
        assertThat(report.path("rows")).hasSize(2);
        JsonNode gongan = report.path("rows").get(0);
        assertThat(gongan.path("department").asText()).isEqualTo(GONGAN);
        assertThat(gongan.path("itemsDecidedLate").asLong()).isEqualTo(1);
        assertThat(gongan.path("toDecisionP90Seconds").asDouble()).isEqualTo(93600.0);

        HttpResponse<String> csv = ok(hub.asOperator().get("/api/v1/supervision/report?month=2025-03&format=csv"));
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = new String(csv.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("\uFEFF月份,部门,收件数,受理数,办结数,退回数,逾期数,逾期办结数");
        assertThat(lines[1]).isEqualTo("2025-03,市公安局,2,1,0,1,1,1,7200.0,7200.0,93600.0,93600.0,0.0,2,2,2");
        assertThat(lines[2]).isEqualTo("2025-03,市卫生健康委,2,2,1,0,1,0,7200.0,10080.0,18000.0,18000.0,0.5,0,0,0");
    }

    @Test
    void badParametersAreNamed() throws Exception {
        assertBad(hub.asOperator().get("/api/v1/supervision/departments?from=yesterday"), "from");
        assertBad(hub.asOperator().get("/api/v1/supervision/departments?from=2025-04-01&to=2025-03-01"), "from");
        assertBad(hub.asOperator().get("/api/v1/supervision/report?month=2025-13"), "month");
        assertBad(hub.asOperator().get("/api/v1/supervision/report?month=2025-03&format=xml"), "format");
        assertBad(hub.asOperator().get("/api/v1/supervision/overdue?level=LATE"), "level");
    }

    private UUID application(String createdAt) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse(createdAt));
        jdbc.update("""
                insert into application (id, bundle_id, mapping_version, subject_key, consent, form, status, created_at, updated_at)
                values (?, 'newborn', 'seeded', ?, '{}'::jsonb, '{}'::jsonb, 'IN_PROGRESS', ?, ?)""",
                id, "seeded-" + id, at, at);
        return id;
    }

    /** An item delivered at {@code deliveredAt}, accepted and decided that many hours later (null: not yet). */
    private void item(UUID application, String item, String department, String status, String deliveredAt,
                      Integer acceptedAfterHours, Integer decidedAfterHours, String supervision, Boolean late) {
        Instant delivered = Instant.parse(deliveredAt);
        jdbc.update("""
                insert into application_item (application_id, item_id, department, target_id, record, provenance, missing,
                    status, delivered_at, updated_at, time_limit_days, accepted_at, due_at, supervision, decided_at, decided_late)
                values (?, ?, ?, 'seeded', '{}'::jsonb, '{}'::jsonb, '[]'::jsonb, ?, ?, ?, 1, ?, ?, ?, ?, ?)""",
                application, item, department, status, Timestamp.from(delivered), Timestamp.from(delivered),
                hoursAfter(delivered, acceptedAfterHours), hoursAfter(delivered, acceptedAfterHours == null ? null : 24),
                supervision, hoursAfter(delivered, decidedAfterHours), late);
    }

    private static Timestamp hoursAfter(Instant start, Integer hours) {
        return hours == null ? null : Timestamp.from(start.plus(Duration.ofHours(hours)));
    }

    private static JsonNode department(JsonNode figures, String name) {
        for (JsonNode d : figures.path("departments")) {
            if (d.path("department").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError(name + " is not in " + figures);
    }

    private static void assertCounts(JsonNode d, long received, long accepted, long done, long rejected, long overdue,
                                     long late) {
        assertThat(new long[] {d.path("itemsReceived").asLong(), d.path("itemsAccepted").asLong(), d.path("itemsDone").asLong(),
                d.path("itemsRejected").asLong(), d.path("itemsOverdue").asLong(), d.path("itemsDecidedLate").asLong()})
                .as(d.toString()).containsExactly(received, accepted, done, rejected, overdue, late);
    }

    private static void assertDurations(JsonNode d, long count, double p50, double p90) {
        assertThat(d.path("count").asLong()).as(d.toString()).isEqualTo(count);
        assertThat(d.path("p50Seconds").asDouble()).as(d.toString()).isEqualTo(p50);
        assertThat(d.path("p90Seconds").asDouble()).as(d.toString()).isEqualTo(p90);
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
