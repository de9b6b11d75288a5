package gov.onceonly.hub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import gov.onceonly.hub.supervision.OverdueSweep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser: Debian's Chromium (scripts/browser-deps, run by the build before the integration
 * tests) driven by Playwright. An operator logs in with the keyboard, finds an overdue item on the supervisor's list
 * and opens its application, replays a parked delivery from its page by keyboard alone, reads the application's
 * timeline, the rectification cases and the departments' league table, opens a bundle's 一事一套图; no page logs a
 * console error (a script error, a resource refused by the content security policy, a 404). Each page's screenshot
 * goes to docs/images/console-*.png, for docs/supervision.md.
 */
class ConsoleBrowserIT extends HubIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String WEIJIAN = "weijian-approval";
    /** As the machine's probe starts it: no sandbox (root), and no call to any host but the hub. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final List<String> consoleErrors = new ArrayList<>();
    @Autowired
    OverdueSweep sweep;

    @AfterEach
    void targetUpAgain() {
        sandbox.faults().clear(WEIJIAN);
    }

    @Test
    void anOperatorChasesAnOverdueItemReplaysAParkedDeliveryAndReadsTheLeague() throws Exception {
        assumeThat(Files.isExecutable(CHROMIUM)).as("no Chromium at " + CHROMIUM + ": scripts/browser-deps installs it "
                + "through apt-get as root (the build runs it before the integration tests); the browser test skips").isTrue();
        // An item its department let run past its time limit, rated 差评 (a rectification case); then a parked delivery.
        departmentsDecide(false);
        SupervisedApplication supervised = new SupervisedApplication(hub, jdbc, json, sweep);
        String overdueId = supervised.overdue(familiesWithBirthRecords().get(254));
        supervised.badRating(overdueId, "等了很久");
        departmentsDecide(true);
        String statusUrl = parkedApplication();
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

        // Playwright's own browsers are never downloaded: it drives Debian's.
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS));
             BrowserContext context = chromium.newContext(new Browser.NewContextOptions()
                     .setViewportSize(1280, 800).setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    consoleErrors.add(page.url() + ": " + message.text());
                }
            });
            page.onPageError(error -> consoleErrors.add(page.url() + ": " + error));
            String base = "http://127.0.0.1:" + port;

            // Logging in, by keyboard: the form has the focus, Tab to the password, Enter submits.
            page.navigate(base + "/console/overdue");
            assertThat(page.url()).endsWith("/console/login");
            shot(page, "login");
            page.keyboard().type("operator");
            page.keyboard().press("Tab");
            page.keyboard().type(HubClient.OPERATOR_PASSWORD);
            page.keyboard().press("Enter");
            page.waitForURL(at("/console/overdue"));
            assertThat(page.locator("h1").textContent()).isEqualTo("督办清单");

            // The overdue list, filtered to the department and the level; the item's row leads to its application.
            page.selectOption("#department", SupervisedApplication.HEALTH);
            page.selectOption("#level", "OVERDUE");
            page.getByText("筛选", new Page.GetByTextOptions().setExact(true)).click();
            page.waitForURL(Pattern.compile(".*/console/overdue\\?department=.*&level=OVERDUE$"));
            String timelineLink = "a[aria-label='办件 " + overdueId + " 的时间线']";
            assertThat(page.locator("tr:has(" + timelineLink + ")").textContent()).contains("出生医学证明", "已超期", "天");
            shot(page, "overdue");
            page.locator(timelineLink).click();
            page.waitForURL(at("/console/applications/" + overdueId));
            assertThat(page.locator("main").textContent()).contains(overdueId, "承诺办结时间", "已超期");

            page.navigate(base + "/console/deliveries");
            assertThat(page.locator("h1").textContent()).isEqualTo("搁置推送");

            // The first Tab reaches the skip link; then on, by Tab alone, to this delivery's replay button.
            page.keyboard().press("Tab");
            assertThat(focused(page)).isEqualTo("跳到正文");
            shot(page, "deliveries");
            String replay = "重推 " + id + " 的 birth-certificate";
            for (int i = 0; i < 200 && !replay.equals(focused(page)); i++) {
                page.keyboard().press("Tab");
            }
            assertThat(focused(page)).as("Tab reaches the replay button").isEqualTo(replay);
            sandbox.faults().clear(WEIJIAN);
            page.keyboard().press("Enter");
            page.waitForURL(at("/console/deliveries"));
            assertThat(page.locator("p[role=status]").textContent()).contains("已重新推送", id);
            hub.awaitEveryItemDelivered(statusUrl);

            // Home, then the application found by its id.
            page.navigate(base + "/console");
            assertThat(page.locator("h1").textContent()).isEqualTo("督办台");
            shot(page, "home");
            page.getByLabel("办件编号").fill(id);
            page.keyboard().press("Enter");
            page.waitForURL(at("/console/applications/" + id));
            assertThat(page.locator("main").textContent()).contains(id, "市卫生健康委", "第 6 次推送成功");
            assertThat(page.locator("figure.chart svg circle").count()).isGreaterThan(3);
            shot(page, "timeline");

            // The rectification case the 差评 opened, and the departments' league table with their trends.
            page.navigate(base + "/console/rectifications");
            assertThat(page.locator("tr:has(a[aria-label='办件 " + overdueId + " 的时间线'])").textContent())
                    .contains(SupervisedApplication.HEALTH, "出生医学证明", "待整改", "非常不满意");
            shot(page, "rectifications");
            page.navigate(base + "/console/league");
            assertThat(page.locator("tbody th[scope=row]").allTextContents()).contains(SupervisedApplication.HEALTH);
            assertThat(page.locator("ul.trends svg[role=img]").count()).isEqualTo(page.locator("tbody tr").count());
            shot(page, "league");

            // The catalogue, and one bundle's 一事一套图.
            page.navigate(base + "/console/bundles");
            shot(page, "bundles");
            page.locator("a[href='/console/bundles/newborn']").click();
            page.waitForURL(at("/console/bundles/newborn"));
            assertThat(page.locator("figure.diagram svg rect").count()).isGreaterThan(5);
            shot(page, "bundle");
        }
        assertThat(consoleErrors).as("console errors").isEmpty();
    }

    /**
     * An application whose birth certificate's target stayed down past its attempts: the delivery is parked. Answers
     * the application's status URL.
     */
    private String parkedApplication() throws Exception {
        sandbox.faults().down(WEIJIAN, 503);
        SyntheticPeople.Family family = familiesWithBirthRecords().get(252);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        // ignoreExceptions: until the application is collected it has no items.
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> {
            JsonNode item = HubClient.item(hub.body(hub.get(statusUrl)), "birth-certificate");
            return "PARKED".equals(item.path("status").asText());
        });
        return statusUrl;
    }

    /** A page's URL, whatever its query (after the login, Spring Security's {@code ?continue}). */
    private static Pattern at(String path) {
        return Pattern.compile("^http://[^/]+" + Pattern.quote(path) + "(\\?.*)?$");
    }

    /** What has the keyboard's focus, by the name a screen reader would read first. */
    private static String focused(Page page) {
        return String.valueOf(page.evaluate("() => { const e = document.activeElement;"
                + " return e ? (e.getAttribute('aria-label') || e.textContent || '').trim() : ''; }"));
    }

    private static void shot(Page page, String name) throws Exception {
        Path file = Path.of("docs/images/console-" + name + ".png");
        Files.createDirectories(file.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }
}
