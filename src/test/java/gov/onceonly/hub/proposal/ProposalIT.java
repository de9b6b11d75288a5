package gov.onceonly.hub.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SandboxEvents;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 无感通办 end to end: the sandbox hospital publishes a birth record, the hub proposes 新生儿出生 to the mother through
 * the sandbox portal's topic, and nothing is pulled until she confirms; then it is an ordinary application that
 * completes. A proposal can be declined, expires, is made once per event, and a broken event is kept for operators
 * while the stream goes on.
 */
class ProposalIT extends HubIntegrationTest {

    private static final String RULE = "newborn-on-birth-record";
    private static final String POPULATION = "gongan-population";

    @Test
    void aPublishedBirthRecordIsProposedToTheMotherAndConfirmedIntoAnApplicationThatCompletes() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(270);
        String mother = family.mother().idNumber();
        UUID id = publishAndAwaitProposal(family);

        JsonNode notice = await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.events().portalReceived(id.toString()),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(notice.path("bundle").asText()).isEqualTo("newborn");
        assertThat(notice.path("confirmationUrl").asText()).isEqualTo("/api/v1/proposals/" + id + "/confirmation");
        assertThat(notice.toString()).as("the channel's message carries no personal data").doesNotContain(mother);

        JsonNode proposal = hub.body(ok(hub.get("/api/v1/proposals/" + id)));
        assertThat(proposal.path("status").asText()).isEqualTo("OPEN");
        assertThat(proposal.path("subject").asText()).isEqualTo(mother);
        assertThat(proposal.path("form").path("contactPhone").asText()).as("filled from the event")
                .isEqualTo(sandbox.events().birthRecord(family).get("motherPhone"));
        assertThat(texts(proposal.path("formFieldsToFill"))).containsExactly("babyName", "registrationChoice",
                "mailingAddress", "vaccinationClinic");
        assertThat(sandbox.lookups().count(POPULATION, mother)).as("nothing pulled before consent").isZero();

        HttpResponse<String> confirmed = hub.postWithIdentity(mother, "/api/v1/proposals/" + id + "/confirmation",
                confirmation(family));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
        String statusUrl = hub.body(confirmed).path("statusUrl").asText();
        JsonNode view = hub.awaitStatus(statusUrl, "COMPLETED", Duration.ofSeconds(90));
        assertThat(view.path("bundle").asText()).isEqualTo("newborn");
        assertThat(sandbox.lookups().count(POPULATION, mother)).as("pulled once consented").isPositive();

        JsonNode after = hub.body(ok(hub.get("/api/v1/proposals/" + id)));
        assertThat(after.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(after.path("applicationUrl").asText()).isEqualTo(statusUrl);
        String applicationId = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject("select detail::text from evidence_entry where kind = 'INTAKE' and application_id = ?::uuid",
                String.class, applicationId)).as("the intake evidence links the proposal").contains(id.toString());

        HttpResponse<String> again = hub.postWithIdentity(mother, "/api/v1/proposals/" + id + "/confirmation",
                confirmation(family));
        assertThat(again.statusCode()).as("one application per proposal").isEqualTo(409);
        assertThat(hub.body(again).path("detail").asText()).contains("is CONFIRMED");
    }

    @Test
    void aDeclinedProposalPullsNothingAndCannotBeConfirmed() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(271);
        String mother = family.mother().idNumber();
        UUID id = publishAndAwaitProposal(family);

        JsonNode declined = hub.body(ok(hub.post("/api/v1/proposals/" + id + "/decline", "{\"reason\":\"已在窗口办理\"}")));
        assertThat(declined.path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("declineReason").asText()).isEqualTo("已在窗口办理");
        HttpResponse<String> confirm = hub.postWithIdentity(mother, "/api/v1/proposals/" + id + "/confirmation",
                confirmation(family));
        assertThat(confirm.statusCode()).isEqualTo(409);
        assertThat(hub.body(confirm).path("type").asText()).isEqualTo("urn:onceonly:problem:proposal-closed");
        assertThat(count("application where subject_key = ?", mother)).isZero();
        assertThat(sandbox.lookups().count(POPULATION, mother)).as("the departments counted no call for her").isZero();
    }

    @Test
    void anExpiredProposalIsMarkedSoAndCannotBeConfirmed() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(272);
        UUID id = publishAndAwaitProposal(family);
        jdbc.update("update proposal set expires_at = now() - interval '1 second' where id = ?", id);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("select status from proposal where id = ?",
                String.class, id), "EXPIRED"::equals);
        assertThat(hub.body(ok(hub.get("/api/v1/proposals/" + id))).path("status").asText()).isEqualTo("EXPIRED");
        HttpResponse<String> confirm = hub.postWithIdentity(family.mother().idNumber(),
                "/api/v1/proposals/" + id + "/confirmation", confirmation(family));
        assertThat(confirm.statusCode()).isEqualTo(409);
        assertThat(hub.post("/api/v1/proposals/" + id + "/decline", "{}").statusCode()).isEqualTo(409);
        assertThat(sandbox.lookups().count(POPULATION, family.mother().idNumber())).isZero();
    }

    @Test
    void theSameEventTwiceGivesOneProposalAndABrokenEventIsKeptWhileTheStreamGoesOn() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(273);
        String mother = family.mother().idNumber();
        publishAndAwaitProposal(family);
        sandbox.events().publishBirth(family); // the hospital sends it again

        // After the repeat, on the same partition (same key): a record with a wrong check character, then one without
        // its record number; once the second is kept, the repeat has been read.
        Map<String, Object> badCheck = sandbox.events().birthRecord(family);
        badCheck.put("motherIdNumber", mother.substring(0, 17) + (mother.charAt(17) == '0' ? '1' : '0'));
        badCheck.put("birthRecordNo", "BR-BROKEN-" + mother);
        sandbox.events().publish(SandboxEvents.BIRTHS, mother, json.writeValueAsString(badCheck));
        Map<String, Object> noKey = new LinkedHashMap<>(sandbox.events().birthRecord(family));
        noKey.remove("birthRecordNo");
        sandbox.events().publish(SandboxEvents.BIRTHS, mother, json.writeValueAsString(noKey));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("proposal_rejected_event where reason like ?",
                "missing key: the event has no birthRecordNo%") >= 1);

        assertThat(count("proposal where rule_id = ? and event_key = ?", RULE, eventKey(family))).isEqualTo(1);
        assertThat(count("proposal_rejected_event where reason like ?", "motherIdNumber (the subject) has a wrong check%"))
                .isGreaterThanOrEqualTo(1);
        JsonNode rejected = hub.body(ok(hub.asOperator().get("/api/v1/ops/proposals/rejected-events?limit=10")));
        assertThat(rejected.path("events").findValuesAsText("reason"))
                .anyMatch(r -> r.startsWith("motherIdNumber (the subject) has a wrong check character"))
                .anyMatch(r -> r.startsWith("missing key"));
        assertThat(rejected.toString()).as("the operator sees the reason, not the event").doesNotContain(mother);

        publishAndAwaitProposal(familiesWithBirthRecords().get(274)); // the stream goes on
        assertThat(hub.get("/api/v1/ops/proposals/rejected-events").statusCode()).as("operators only").isEqualTo(401);
    }

    private UUID publishAndAwaitProposal(SyntheticPeople.Family family) throws Exception {
        sandbox.events().publishBirth(family);
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.query(
                "select id from proposal where rule_id = ? and event_key = ?", (rs, n) -> rs.getObject(1, UUID.class),
                RULE, eventKey(family)).stream().findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private String eventKey(SyntheticPeople.Family family) {
        return String.valueOf(sandbox.events().birthRecord(family).get("birthRecordNo"));
    }

    private static String confirmation(SyntheticPeople.Family family) {
        return """
                {"consent":{"granted":true,"purpose":"新生儿出生一件事"},"applicantName":"%s",\
                "form":{"babyName":"%s小宝","registrationChoice":"mother","mailingAddress":"重庆市渝中区民族路100号",\
                "vaccinationClinic":"渝中区社区卫生服务中心"}}""".formatted(family.mother().name(),
                family.mother().name().substring(0, 1));
    }

    private long count(String from, Object... args) {
        Long n = jdbc.queryForObject("select count(*) from " + from, Long.class, args);
        return n == null ? 0 : n;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
