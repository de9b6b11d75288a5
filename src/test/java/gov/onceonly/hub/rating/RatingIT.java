package gov.onceonly.hub.rating;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 好差评 through the API: who may rate and when, one rating per application, and a 差评's rectification cases from
 * their opening through the department's answer to the callback (回访) that closes them.
 */
class RatingIT extends HubIntegrationTest {

    private static final String POLICE = "市公安局";

    @Test
    void onlyTheSubmittingChannelRatesACompletedApplicationAndOnlyOnce() throws Exception {
        departmentsDecide(false);
        String id = newbornWithEveryItemDelivered(familiesWithBirthRecords().get(266));

        HttpResponse<String> early = rate(hub, id, "{\"level\":\"满意\"}");
        assertThat(early.statusCode()).as("not completed yet").isEqualTo(409);
        assertThat(rule(early)).isEqualTo("completed");
        for (String item : List.of("medical-insurance", "social-security-card", "vaccination-certificate")) {
            ok(hub.reportStatus(id, item, "{\"status\":\"DONE\",\"at\":\"%s\",\"result\":\"准予办理\"}".formatted(now())));
        }
        assertThat(hub.body(hub.get("/api/v1/applications/" + id)).path("status").asText()).isEqualTo("COMPLETED");

        assertThat(rate(hub.asDepartment(POLICE), id, "{\"level\":\"满意\"}").statusCode())
                .as("a department does not rate for the applicant").isEqualTo(403);
        assertThat(rate(hub.signedAs("other-portal", "other-portal-secret"), id, "{\"level\":\"满意\"}").statusCode())
                .as("another channel's application is unknown to it").isEqualTo(404);
        HttpResponse<String> wrong = rate(hub, id, json.writeValueAsString(Map.of("level", "还行",
                "items", Map.of("no-such-item", "满意", "medical-insurance", "good"), "comment", "长".repeat(501))));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("level", "items.medical-insurance", "comment");
        HttpResponse<String> unknownItem = rate(hub, id, "{\"level\":\"满意\",\"items\":{\"no-such-item\":\"满意\"}}");
        assertThat(unknownItem.statusCode()).isEqualTo(422);
        assertThat(fields(unknownItem)).containsExactly("items.no-such-item");

        HttpResponse<String> rated = rate(hub, id, json.writeValueAsString(Map.of("level", "非常满意",
                "items", Map.of("birth-certificate", "满意", "medical-insurance", "基本满意"),
                "comment", "<p>全程网办，\u202e不用跑腿</p>")));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
        JsonNode outcome = hub.body(rated);
        assertThat(outcome.path("level").asText()).isEqualTo("非常满意");
        assertThat(outcome.path("items").path("medical-insurance").asText()).isEqualTo("基本满意");
        assertThat(outcome.path("cases")).as("no 差评, no case").isEmpty();
        String stored = jdbc.queryForObject("select comment from application_rating where application_id = ?::uuid",
                String.class, id);
        assertThat(stored).as("sealed at rest").startsWith("{\"sealed\":").doesNotContain("跑腿");
        assertThat(jdbc.queryForList("select item_id || '=' || level from item_rating where application_id = ?::uuid"
                + " order by item_id", String.class, id)).containsExactly("birth-certificate=满意", "medical-insurance=基本满意");

        HttpResponse<String> again = rate(hub, id, "{\"level\":\"不满意\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(rule(again)).isEqualTo("rated-once");
        assertThat(jdbc.queryForObject("select level from application_rating where application_id = ?::uuid",
                String.class, id)).isEqualTo("非常满意");
        assertThat(jdbc.queryForObject("select count(*) from rectification_case where application_id = ?::uuid",
                Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from evidence_entry where application_id = ?::uuid and kind = 'RATING'",
                Long.class, id)).isEqualTo(1L);
    }

    @Test
    void anApplicantKeptWaitingPastAnItemsTimeLimitMayRateBeforeTheEnd() throws Exception {
        departmentsDecide(false);
        String id = newbornWithEveryItemDelivered(familiesWithBirthRecords().get(269));
        assertThat(rule(rate(hub, id, "{\"level\":\"不满意\"}"))).as("nothing late yet").isEqualTo("completed");

        // The department accepted it ten working days ago, say: its due date (supervision's clock) has passed.
        jdbc.update("update application_item set accepted_at = now() - interval '20 days', due_at = now() - interval '1 hour'"
                + " where application_id = ?::uuid and item_id = 'medical-insurance'", id);

        HttpResponse<String> rated = rate(hub, id, "{\"level\":\"不满意\",\"items\":{\"medical-insurance\":\"非常不满意\"}}");
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
        assertThat(hub.body(rated).path("cases")).as("the late item's department is asked to rectify").isNotEmpty();
    }

    @Test
    void anItemsBadRatingOpensACaseItsDepartmentAnswersAndTheCallbackCloses() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(267);
        String id = completed(family);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

        JsonNode outcome = hub.body(created(rate(hub, id, json.writeValueAsString(Map.of("level", "满意",
                "items", Map.of("household-registration", "非常不满意"), "comment", "户籍窗口<b>让我跑了三次</b>")))));
        assertThat(outcome.path("cases")).hasSize(1);
        JsonNode opened = outcome.path("cases").get(0);
        assertThat(opened.path("department").asText()).isEqualTo(POLICE);
        assertThat(opened.path("item").asText()).isEqualTo("household-registration");
        assertThat(OffsetDateTime.parse(opened.path("dueAt").asText())).as("hub.rating.rectification-days")
                .isBetween(before.plusDays(15).minusMinutes(1), before.plusDays(15).plusMinutes(1));
        String caseId = opened.path("id").asText();

        JsonNode listed = only(hub.body(ok(hub.asDepartment(POLICE).get("/api/v1/rectifications?status=OPEN"))), caseId);
        assertThat(listed.path("status").asText()).isEqualTo("OPEN");
        assertThat(listed.path("level").asText()).isEqualTo("非常不满意");
        assertThat(listed.path("comment").asText()).as("plain text").isEqualTo("户籍窗口 让我跑了三次");
        assertThat(ids(hub.body(ok(hub.asDepartment("市医保局").get("/api/v1/rectifications")))))
                .as("another department does not see it").doesNotContain(caseId);
        assertThat(hub.get("/api/v1/rectifications").statusCode()).as("a channel lists no cases").isEqualTo(403);
        assertThat(hub.asDepartment(POLICE).get("/api/v1/rectifications?status=DONE").statusCode()).isEqualTo(400);

        HttpResponse<String> tooEarly = callback(hub, caseId, "{\"result\":\"satisfied\"}");
        assertThat(tooEarly.statusCode()).as("the department has not answered").isEqualTo(409);
        assertThat(rule(tooEarly)).isEqualTo("answered");
        assertThat(answer("市医保局", caseId, "{\"answer\":\"不是我们的事项\"}").statusCode())
                .as("a department answers only its own cases").isEqualTo(404);
        assertThat(answer(POLICE, caseId, "{\"answer\":\" <br> \"}").statusCode()).as("an answer says something")
                .isEqualTo(422);

        JsonNode answered = hub.body(ok(answer(POLICE, caseId,
                "{\"answer\":\"已约谈窗口人员，户籍办理改为一次告知、一次办结。\"}")));
        assertThat(answered.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.path("answer").asText()).isEqualTo("已约谈窗口人员，户籍办理改为一次告知、一次办结。");
        assertThat(answer(POLICE, caseId, "{\"answer\":\"再答一次\"}").statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select answer from rectification_case where id = ?::uuid", String.class, caseId))
                .as("sealed at rest").startsWith("{\"sealed\":");

        assertThat(callback(hub.signedAs("other-portal", "other-portal-secret"), caseId, "{\"result\":\"satisfied\"}")
                .statusCode()).as("another channel's case is unknown to it").isEqualTo(404);
        assertThat(callback(hub.asDepartment(POLICE), caseId, "{\"result\":\"satisfied\"}").statusCode())
                .as("the department does not report its own callback").isEqualTo(403);
        assertThat(callback(hub, caseId, "{\"result\":\"happy\"}").statusCode()).isEqualTo(422);
        JsonNode closed = hub.body(ok(callback(hub, caseId, "{\"result\":\"satisfied\",\"note\":\"回访：申请人认可整改\"}")));
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("callbackResult").asText()).isEqualTo("satisfied");
        assertThat(closed.path("closedAt").isNull()).isFalse();
        assertThat(callback(hub, caseId, "{\"result\":\"unsatisfied\"}").statusCode()).as("closed once").isEqualTo(409);
        assertThat(ids(hub.body(ok(hub.asDepartment(POLICE).get("/api/v1/rectifications?status=OPEN")))))
                .doesNotContain(caseId);

        Map<String, Long> steps = new TreeMap<>();
        jdbc.query("select detail::jsonb ->> 'step', count(*) from evidence_entry where application_id = ?::uuid"
                + " and kind = 'RECTIFICATION' group by 1", rs -> { steps.put(rs.getString(1), rs.getLong(2)); }, id);
        assertThat(steps).containsExactly(Map.entry("answered", 1L), Map.entry("closed", 1L), Map.entry("opened", 1L));
    }

    @Test
    void anApplicationsBadRatingAsksEachDepartmentAndTheOperatorMayMakeTheCallback() throws Exception {
        String id = completed(familiesWithBirthRecords().get(268));
        JsonNode outcome = hub.body(created(rate(hub, id, "{\"level\":\"不满意\"}")));
        Map<String, String> cases = new TreeMap<>();
        outcome.path("cases").forEach(c -> {
            assertThat(c.path("item").isNull()).as("the whole application's").isTrue();
            cases.put(c.path("department").asText(), c.path("id").asText());
        });
        assertThat(cases.keySet()).containsExactly("市人力社保局", POLICE, "市医保局", "市卫生健康委");

        String caseId = cases.get("市医保局");
        ok(answer("市医保局", caseId, "{\"answer\":\"已核查，医保登记按时办结；已改进告知。\"}"));
        HubClient operator = hub.asOperator();
        assertThat(ids(hub.body(ok(operator.get("/api/v1/ops/rectifications?status=ANSWERED&department="
                + java.net.URLEncoder.encode("市医保局", java.nio.charset.StandardCharsets.UTF_8))))))
                .contains(caseId);
        JsonNode closed = hub.body(ok(operator.post("/api/v1/ops/rectifications/" + caseId + "/callback",
                "{\"result\":\"unsatisfied\",\"note\":\"电话回访：仍不满意\"}")));
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("callbackResult").asText()).isEqualTo("unsatisfied");
        assertThat(jdbc.queryForObject("select callback_by from rectification_case where id = ?::uuid", String.class,
                caseId)).isEqualTo("operator:operator");
        assertThat(jdbc.queryForObject("select count(*) from rectification_case where application_id = ?::uuid"
                + " and status = 'OPEN'", Long.class, id)).as("the other departments still owe an answer").isEqualTo(3L);
    }

    private String completed(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        hub.awaitStatus(statusUrl, "COMPLETED", Duration.ofSeconds(60));
        return statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> rate(HubClient client, String id, String body) throws Exception {
        return client.post("/api/v1/applications/" + id + "/rating", body);
    }

    private HttpResponse<String> answer(String department, String caseId, String body) throws Exception {
        return hub.asDepartment(department).post("/api/v1/rectifications/" + caseId + "/answer", body);
    }

    private static HttpResponse<String> callback(HubClient client, String caseId, String body) throws Exception {
        return client.post("/api/v1/rectifications/" + caseId + "/callback", body);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private String rule(HttpResponse<String> response) throws Exception {
        return hub.body(response).path("errors").get(0).path("rule").asText();
    }

    private List<String> fields(HttpResponse<String> response) throws Exception {
        List<String> fields = new ArrayList<>();
        hub.body(response).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static List<String> ids(JsonNode cases) {
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static JsonNode only(JsonNode cases, String id) {
        List<JsonNode> found = new ArrayList<>();
        cases.forEach(c -> {
            if (c.path("id").asText().equals(id)) {
                found.add(c);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).toString();
    }
}
