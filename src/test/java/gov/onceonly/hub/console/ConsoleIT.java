package gov.onceonly.hub.console;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import gov.onceonly.hub.supervision.OverdueSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console over plain HTTP: nothing without a login, a form POST only with the session's CSRF token and for an
 * operator, and what departments and channels wrote shown as text, never as markup. (ConsoleBrowserIT drives it in
 * a browser.)
 */
class ConsoleIT extends HubIntegrationTest {

    @Autowired
    OverdueSweep sweep;

    @Test
    void everyPageNeedsALoginButTheLoginPageAndItsStylesheet() throws Exception {
        ConsoleSession browser = new ConsoleSession(port);
        for (String page : new String[] {"/console", "/console/deliveries", "/console/bundles/newborn",
                "/console/overdue", "/console/rectifications", "/console/league",
                "/console/applications/" + UUID.randomUUID()}) {
            HttpResponse<String> response = browser.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
        }
        HttpResponse<String> login = browser.get("/console/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html lang=\"zh-CN\"", "<label for=\"password\">密码</label>");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'").doesNotContain("script-src"));
        assertThat(browser.get("/console/assets/console.css").statusCode()).isEqualTo(200);
        // Basic credentials open the API, not the console: it is a browser's, with a session.
        assertThat(hub.asOperator().get("/console/deliveries").statusCode()).isEqualTo(302);

        // An account of its own, so that the operator's failures stay far from its throttle for the other tests.
        HttpResponse<String> wrong = browser.login("console-wrong-password-" + System.nanoTime(), "not-the-password");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?error"));
        HttpResponse<String> right = browser.login("operator", HubClient.OPERATOR_PASSWORD);
        assertThat(right.headers().firstValue("Location")).as("back to the page asked for before the login")
                .hasValueSatisfying(l -> assertThat(l).contains("/console/applications/"));
        HttpResponse<String> home = browser.get("/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("件搁置推送", "aria-current=\"page\"");
    }

    @Test
    void failedConsoleLoginsAreThrottledLikeEveryLogin() throws Exception {
        ConsoleSession browser = new ConsoleSession(port);
        String account = "console-throttle-probe-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login(account, "guess-" + i).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> throttled = browser.login(account, "guess-5");
        assertThat(throttled.headers().firstValue("Location")).as("not tried: back to the form, which says why")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?throttled"));
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(browser.get("/console/login?throttled").body()).contains("登录失败次数过多");
        assertThat(browser.login("operator", HubClient.OPERATOR_PASSWORD).headers().firstValue("Location"))
                .as("another account").hasValueSatisfying(l -> assertThat(l).doesNotContain("throttled", "error"));
    }

    @Test
    void aReplayIsAFormPostWithTheSessionsTokenByAnOperator() throws Exception {
        ConsoleSession operator = new ConsoleSession(port);
        operator.login("operator", HubClient.OPERATOR_PASSWORD);
        assertThat(operator.get("/console/deliveries").statusCode()).isEqualTo(200);
        String replay = "/console/deliveries/" + UUID.randomUUID() + "/birth-certificate/replay";

        assertThat(operator.post(replay, "", false).statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> withToken = operator.post(replay, "", true);
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(operator.get("/console/deliveries").body()).as("nothing of that id was parked")
                .contains("已不在搁置状态");

        ConsoleSession viewer = new ConsoleSession(port);
        viewer.login("prometheus", HubClient.VIEWER_PASSWORD);
        HttpResponse<String> page = viewer.get("/console/deliveries");
        assertThat(page.statusCode()).as("a viewer reads").isEqualTo(200);
        assertThat(page.body()).doesNotContain("class=\"replay\"");
        assertThat(viewer.post(replay, "", true).statusCode()).as("but does not act").isEqualTo(403);
    }

    @Test
    void whatADepartmentWroteIsShownAsText() throws Exception {
        departmentsDecide(false);
        SyntheticPeople.Family family = familiesWithBirthRecords().get(251);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        awaitItemDelivered(statusUrl, "birth-certificate");
        HttpResponse<String> rejected = hub.reportStatus(id, "birth-certificate", """
                {"status":"REJECTED","at":"%s","reason":"<script>alert('x')</script> 材料不全"}"""
                .formatted(OffsetDateTime.now(ZoneOffset.ofHours(8))));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);

        ConsoleSession browser = new ConsoleSession(port);
        browser.login("operator", HubClient.OPERATOR_PASSWORD);
        HttpResponse<String> found = browser.get("/console/applications?id=" + id);
        assertThat(found.statusCode()).isEqualTo(302);
        HttpResponse<String> timeline = browser.get("/console/applications/" + id);
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 材料不全", "已退回", "市卫生健康委")
                .doesNotContain("<script");
        assertThat(timeline.body()).as("the mother's ID number is nowhere").doesNotContain(family.mother().idNumber());

        assertThat(browser.get("/console/applications/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(browser.get("/console/applications?id=not-an-id").body()).contains("办件编号格式不对", "aria-invalid=\"true\"");
    }

    @Test
    void theSupervisionPagesShowAnOverdueItemItsCaseAndTheLeagueAsText() throws Exception {
        departmentsDecide(false);
        SyntheticPeople.Family family = familiesWithBirthRecords().get(253);
        SupervisedApplication supervised = new SupervisedApplication(hub, jdbc, json, sweep);
        String id = supervised.overdue(family);
        // Markup was taken out of both texts when they came in (rating/FreeText); what is left is still text to escape.
        String caseId = supervised.badRating(id, "复印了三次 身份证 " + family.mother().idNumber());
        supervised.answer(caseId, "已约谈窗口人员 <1 次 & \"一次办结\"");

        ConsoleSession browser = new ConsoleSession(port);
        browser.login("prometheus", HubClient.VIEWER_PASSWORD);
        HttpResponse<String> overdue = browser.get("/console/overdue?level=OVERDUE&department="
                + URLEncoder.encode(SupervisedApplication.HEALTH, StandardCharsets.UTF_8));
        assertThat(overdue.statusCode()).isEqualTo(200);
        assertThat(overdue.body()).contains("href=\"/console/applications/" + id + "\"", "出生医学证明", "已超期",
                "<option value=\"市卫生健康委\" selected=\"selected\">", "aria-current=\"page\"");
        assertThat(browser.get("/console/overdue?level=DUE_SOON").body()).as("filtered by level")
                .doesNotContain("/console/applications/" + id);
        HttpResponse<String> forged = browser.get("/console/overdue?department="
                + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).as("a department in the query is shown as text").doesNotContain("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "没有需要督办的事项");

        HttpResponse<String> timeline = browser.get("/console/applications/" + id);
        assertThat(timeline.body()).as("the item's due date and level").contains("承诺办结时间", "已超期");

        HttpResponse<String> cases = browser.get("/console/rectifications?status=ANSWERED&department="
                + URLEncoder.encode(SupervisedApplication.HEALTH, StandardCharsets.UTF_8));
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(cases.body()).contains("href=\"/console/applications/" + id + "\"", "已答复，待回访", "非常不满意",
                        "已约谈窗口人员 &lt;1 次 &amp; &quot;一次办结&quot;", "复印了三次 身份证 ")
                .doesNotContain("<script").doesNotContain(family.mother().idNumber());
        assertThat(browser.get("/console/rectifications?status=CLOSED").body()).doesNotContain("/console/applications/" + id);

        HttpResponse<String> league = browser.get("/console/league");
        assertThat(league.statusCode()).isEqualTo(200);
        assertThat(league.body()).contains("<th scope=\"row\">市卫生健康委</th>", "<svg xmlns=\"http://www.w3.org/2000/svg\"",
                "<desc id=\"trend-1-d\">").doesNotContain("<script");
        assertThat(browser.get("/console/league?month=" + java.time.YearMonth.now()).body()).contains("市卫生健康委");
        assertThat(browser.get("/console/league?month=not-a-month").body()).contains("月份格式不对", "aria-invalid=\"true\"");
    }

    @Test
    void eachBundleHasItsModel() throws Exception {
        ConsoleSession browser = new ConsoleSession(port);
        browser.login("prometheus", HubClient.VIEWER_PASSWORD);
        HttpResponse<String> list = browser.get("/console/bundles");
        assertThat(list.body()).contains("href=\"/console/bundles/newborn\"");
        HttpResponse<String> model = browser.get("/console/bundles/newborn");
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.body()).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "数据共享模型");
        assertThat(browser.get("/console/bundles/no-such-thing").statusCode()).isEqualTo(404);
    }
}
