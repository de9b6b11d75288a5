package gov.onceonly.hub.withdrawal;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.notice.NoticeKind;
import gov.onceonly.hub.sandbox.SandboxApplications;

import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Withdrawal by the applicant's channel, before and after items were sent: what was not sent is cancelled and never
 * sent; each department that has an item receives a withdrawal notice on its target, naming the item by its
 * idempotency key; the hub records each answer, and the application is WITHDRAWN once every department answered.
 */
class WithdrawalIT extends HubIntegrationTest {

    private static final String REGISTRATION = "establishment-registration";
    private static final String REASON = "申请人已通过线下窗口办理";

    @Autowired
    SandboxApplications applications;
    @Autowired
    BundleCatalog bundles;

    /** The departments keep what they receive undecided until a test lets them answer. */
    @BeforeEach
    void departmentsWait() {
        departmentsDecide(false);
    }

    @Test
    void itemsNotSentAreCancelledAndTheDepartmentThatHasOneWithdrawsIt() throws Exception {
        String id = submit(applications.sample("business-startup").json());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> view(id),
                v -> "DELIVERED".equals(HubClient.item(v, REGISTRATION).path("status").asText()));
        decisions.enable(true); // from now on, the departments answer what they receive

        JsonNode outcome = ok(withdraw(id, REASON));
        List<String> waiting = bundles.find("business-startup").orElseThrow().items().stream()
                .map(CompiledBundle.CompiledItem::id).filter(item -> !item.equals(REGISTRATION)).sorted().toList();
        assertThat(texts(outcome.path("cancelled"))).isEqualTo(waiting);
        assertThat(texts(outcome.path("withdrawing"))).containsExactly(REGISTRATION);
        assertThat(outcome.path("status").asText()).isEqualTo("WITHDRAWING");

        JsonNode view = await().atMost(Duration.ofSeconds(20)).until(() -> view(id),
                v -> "WITHDRAWN".equals(v.path("status").asText()));
        assertThat(HubClient.item(view, REGISTRATION).path("status").asText()).isEqualTo("WITHDRAWN");
        for (String item : waiting) {
            assertThat(HubClient.item(view, item).path("status").asText()).as(item).isEqualTo("CANCELLED");
            assertThat(HubClient.item(view, item).path("reason").asText())
                    .isEqualTo("the applicant withdrew the application: " + REASON);
        }
        assertThat(view.path("withdrawal").path("reason").asText()).isEqualTo(REASON);

        JsonNode notice = json.readTree(sandbox.catalogue().delivered("scjg-approval",
                id + ":" + REGISTRATION + ":" + NoticeKind.WITHDRAWAL.type()).orElseThrow());
        assertThat(notice.path("type").asText()).isEqualTo("withdrawal");
        assertThat(notice.path("idempotencyKey").asText()).isEqualTo(id + ":" + REGISTRATION);
        assertThat(notice.path("reason").asText()).isEqualTo(REASON);
        Thread.sleep(500); // several delivery polls: a cancelled item released by mistake would go out meanwhile
        CompiledBundle bundle = bundles.find("business-startup").orElseThrow();
        for (String item : waiting) {
            assertThat(sandbox.catalogue().delivered(bundle.item(item).orElseThrow().target(), id + ":" + item))
                    .as(item + " never sent").isEmpty();
        }

        Map<String, Long> ledger = new TreeMap<>();
        jdbc.query("select kind, count(*) from evidence_entry where application_id = ?::uuid group by kind",
                rs -> { ledger.put(rs.getString(1), rs.getLong(2)); }, id);
        assertThat(ledger).containsEntry("WITHDRAWAL", 1L).containsEntry("CANCEL", (long) waiting.size());
        assertThat(jdbc.queryForObject("select count(*) from evidence_entry where event_key = ?", Long.class,
                "NOTICE:" + id + ":" + REGISTRATION + ":withdrawal")).as("the notice's push is evidence too").isEqualTo(1L);

        JsonNode again = ok(withdraw(id, "再次撤回"));
        assertThat(again.path("repeated").asBoolean()).isTrue();
        assertThat(again.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(texts(again.path("cancelled"))).isEqualTo(waiting);
    }

    @Test
    void everyDepartmentThatHasAnItemAnswersAndADecisionMadeFirstStands() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(70);
        String id = submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String statusUrl = "/api/v1/applications/" + id;
        awaitItemDelivered(statusUrl, "birth-certificate");
        ok(hub.reportStatus(id, "birth-certificate",
                "{\"status\":\"DONE\",\"at\":\"%s\",\"result\":\"准予发证\",\"certificateNo\":\"Q000000070\"}".formatted(now())));
        awaitItemDelivered(statusUrl, "household-registration");
        awaitItemDelivered(statusUrl, "vaccination-certificate");

        JsonNode outcome = ok(withdraw(id, REASON));
        List<String> items = texts(outcome.path("withdrawing"));
        assertThat(items).containsExactlyInAnyOrder("household-registration", "vaccination-certificate");
        assertThat(texts(outcome.path("cancelled"))).as("they waited for the registration")
                .containsExactlyInAnyOrder("medical-insurance", "social-security-card");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select count(*) from target_notice where application_id = ?::uuid and kind = 'WITHDRAWAL' and sent_at is not null""",
                Integer.class, id) == items.size());
        assertThat(sandbox.databases().householdExchange()).as("the JDBC target has its notice in its exchange table")
                .anyMatch(row -> row.get("idempotencyKey").equals(id + ":household-registration" + ":" + NoticeKind.WITHDRAWAL.type())
                        && row.get("record").toString().contains("\"type\":\"withdrawal\""));

        // The vaccination certificate was decided before the notice reached 市卫生健康委: the decision stands.
        ok(hub.reportStatus(id, "vaccination-certificate",
                "{\"status\":\"DONE\",\"at\":\"%s\",\"result\":\"准予发证\"}".formatted(now())));
        JsonNode stale = ok(hub.reportStatus(id, "household-registration", "{\"status\":\"ACCEPTED\",\"at\":\"%s\"}".formatted(now())));
        assertThat(stale.path("outcome").asText()).as("progress short of a decision changes nothing now").isEqualTo("IGNORED");
        assertThat(view(id).path("status").asText()).isEqualTo("WITHDRAWING");
        ok(hub.reportStatus(id, "household-registration", "{\"status\":\"WITHDRAWN\",\"at\":\"%s\"}".formatted(now())));
        JsonNode view = view(id);
        assertThat(view.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(HubClient.item(view, "vaccination-certificate").path("status").asText()).isEqualTo("DONE");
        assertThat(HubClient.item(view, "household-registration").path("status").asText()).isEqualTo("WITHDRAWN");
        HttpResponse<String> afterwards = hub.reportStatus(id, "household-registration",
                "{\"status\":\"DONE\",\"at\":\"%s\",\"result\":\"准予登记\"}".formatted(now()));
        assertThat(afterwards.statusCode()).as("a decision after the withdrawal was confirmed").isEqualTo(409);
    }

    /**
     * A push under way when the application is withdrawn: the item, not sent yet, is cancelled; the target does get it
     * (its answer comes too late, the push fails), so it is withdrawn there like the others, notice and all.
     */
    @Test
    void anItemThatArrivedWhileTheHubThoughtItUnsentIsWithdrawnToo() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(72);
        sandbox.faults().delay("weijian-approval", 6_000, 4); // past the 5 s timeout: both items, both attempts
        try {
            String id = submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> view(id),
                    v -> "PENDING".equals(HubClient.item(v, "birth-certificate").path("status").asText()));
            decisions.enable(true);
            JsonNode outcome = ok(withdraw(id, REASON));
            assertThat(texts(outcome.path("cancelled"))).contains("birth-certificate");

            // Every push was under way, so every item was cancelled; as the pushes end, each is withdrawn instead.
            JsonNode view = await().atMost(Duration.ofSeconds(40)).until(() -> view(id),
                    v -> "WITHDRAWN".equals(HubClient.item(v, "birth-certificate").path("status").asText())
                            && "WITHDRAWN".equals(v.path("status").asText()));
            assertThat(sandbox.inbox().received("weijian-approval")).as("the department got the record after all")
                    .anyMatch(r -> r.idempotencyKey().equals(id + ":birth-certificate"));
            assertThat(HubClient.item(view, "birth-certificate").path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(sandbox.inbox().received("weijian-approval")).as("and was told it is withdrawn")
                    .anyMatch(r -> r.idempotencyKey().equals(id + ":birth-certificate:" + NoticeKind.WITHDRAWAL.type()));
        } finally {
            sandbox.faults().clear("weijian-approval");
        }
    }

    @Test
    void aWithdrawalNeedsItsReasonItsOwnChannelAndSomethingLeftToWithdraw() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(71);
        String id = newbornWithEveryItemDelivered(family); // the birth certificate and the registration decided

        HttpResponse<String> noReason = withdraw(id, " ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(hub.body(noReason).path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(hub.signedAs("other-portal", "other-portal-secret")
                .post("/api/v1/applications/" + id + "/withdrawal", "{\"reason\":\"x\"}").statusCode())
                .as("another channel's application is unknown to it").isEqualTo(404);
        assertThat(hub.asDepartment("市公安局").post("/api/v1/applications/" + id + "/withdrawal", "{\"reason\":\"x\"}")
                .statusCode()).as("a department does not act for the applicant").isEqualTo(403);
        HttpResponse<String> notWithdrawn = hub.reportStatus(id, "medical-insurance",
                "{\"status\":\"WITHDRAWN\",\"at\":\"%s\"}".formatted(now()));
        assertThat(notWithdrawn.statusCode()).as("WITHDRAWN answers a notice only").isEqualTo(409);

        for (String item : List.of("medical-insurance", "social-security-card", "vaccination-certificate")) {
            ok(hub.reportStatus(id, item, "{\"status\":\"DONE\",\"at\":\"%s\",\"result\":\"准予办理\"}".formatted(now())));
        }
        assertThat(view(id).path("status").asText()).isEqualTo("COMPLETED");
        HttpResponse<String> completed = withdraw(id, REASON);
        assertThat(completed.statusCode()).isEqualTo(409);
        assertThat(hub.body(completed).path("errors").get(0).path("rule").asText()).isEqualTo("not-completed");
        assertThat(view(id).path("withdrawal").isMissingNode() || view(id).path("withdrawal").isNull()).isTrue();
    }

    private String submit(String application) throws Exception {
        String statusUrl = hub.submit(application);
        return statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> withdraw(String id, String reason) throws Exception {
        return hub.post("/api/v1/applications/" + id + "/withdrawal", json.writeValueAsString(Map.of("reason", reason)));
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return hub.body(response);
    }

    private JsonNode view(String id) throws Exception {
        return hub.body(hub.get("/api/v1/applications/" + id));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).toString();
    }
}
