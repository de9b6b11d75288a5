package gov.onceonly.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.config.ProductionModeGuard;
import gov.onceonly.hub.connector.FeedProgress;
import gov.onceonly.hub.sandbox.DecisionChannel;
import gov.onceonly.hub.sandbox.SandboxDecisions;
import gov.onceonly.hub.sandbox.SandboxDepartments;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import gov.onceonly.hub.subject.CitizenIdNumber;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The one hub every integration test of this JVM shares: embedded PostgreSQL, embedded KRaft broker and the
 * sandbox departments, reached over real HTTP on loopback. Subclasses add no configuration of their own, so
 * Spring's test context cache starts it once.
 */
// Tests see /actuator/prometheus as production does (Spring Boot's tests turn metrics export off by default), and
// trace as production does with an exporter on: every span is recorded, and kept in memory (Spans) for a test to read.
@AutoConfigureObservability
@Import(HubIntegrationTest.Spans.class)
@ActiveProfiles(ProductionModeGuard.SANDBOX_PROFILE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=target/it-data/hub",
        "hub.config-root=" + HubIntegrationTest.CONFIG_ROOT,
        "hub.reload.poll-millis=200",
        "hub.sandbox.port=0",
        "hub.sandbox.families=340",
        "hub.dispatch.redelivery-delay-millis=100",
        "hub.dispatch.retry-delay-millis=150",
        "hub.dispatch.max-attempts=5",
        "hub.dispatch.poll-millis=100",
        "hub.sources.backoff-millis=50",
        "hub.sources.breaker.minimum-calls=4",
        "hub.sources.breaker.window=8",
        "hub.sources.breaker.open-seconds=1",
        "hub.collect.poll-millis=100",
        "hub.collect.retry-delay-millis=300",
        "hub.collect.max-delay-millis=1500",
        "hub.collect.max-attempts=40",
        "hub.metrics.refresh=1s",
        // Proposals past their expiry are marked EXPIRED within half a second (ProposalIT).
        "hub.proposals.expiry-check=500ms",
        "hub.metrics.kpi-refresh=1s",
        "hub.health.probe-period=1s",
        // A client with a tight rate limit, for the 429 test (SignedRequestsIT).
        "hub.clients.slow-kiosk.role=channel",
        "hub.clients.slow-kiosk.secret=slow-kiosk-secret",
        "hub.clients.slow-kiosk.requests-per-second=0.2",
        "hub.clients.slow-kiosk.burst=2",
        // Department systems besides the sandbox's 市卫生健康委 (HubClient.asDepartment), and a second channel.
        "hub.clients.it-gongan.role=department", "hub.clients.it-gongan.department=市公安局",
        "hub.clients.it-gongan.secret=it-gongan-secret",
        "hub.clients.it-ybj.role=department", "hub.clients.it-ybj.department=市医保局",
        "hub.clients.it-ybj.secret=it-ybj-secret",
        "hub.clients.it-rlsb.role=department", "hub.clients.it-rlsb.department=市人力社保局",
        "hub.clients.it-rlsb.secret=it-rlsb-secret",
        "hub.clients.it-app.role=channel", "hub.clients.it-app.secret=it-app-secret",
        // The fuzzer's channel (ApiFuzzIT), whose thousands of calls must not be cut short by a rate limit.
        "hub.clients.it-fuzz.role=channel", "hub.clients.it-fuzz.secret=it-fuzz-secret",
        "hub.clients.it-fuzz.requests-per-second=100000", "hub.clients.it-fuzz.burst=100000",
        // A second channel, which did not submit the applications the tests' portal submits (EvidenceLedgerIT).
        "hub.clients.other-portal.role=channel",
        "hub.clients.other-portal.secret=other-portal-secret",
        // Checkpoints every second, so that a receipt is signed before a test has waited long.
        "hub.evidence.checkpoint-interval=1s",
        // Spans reach the in-memory exporter a tenth of a second after they end (Spans).
        "management.tracing.opentelemetry.export.schedule-delay=100ms"})
public abstract class HubIntegrationTest {

    /**
     * The shared hub reads a copy of connectors/, mappings/ and routes/, so that a test may edit it (hot reload)
     * without touching the working tree; a test that edits it restores it.
     */
    protected static final String CONFIG_ROOT = "target/it-config";

    static {
        // A fatal fault in an in-process Kafka broker (the shared one, InfrastructureRestartIT's) halts the JVM, which
        // would end every test left in this fork without a word; here it fails the test that caused it instead.
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("an in-process Kafka broker asked to exit (" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("an in-process Kafka broker asked to halt (" + status + "): " + message);
        });
        // Each test JVM starts from empty embedded databases and logs; leftovers of an earlier run would replay.
        FileSystemUtils.deleteRecursively(new File("target/it-data"));
        try {
            copyConfiguration(java.nio.file.Path.of(CONFIG_ROOT));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fresh copy of the working tree's configuration folders at {@code root}, for a hub to read. */
    protected static java.nio.file.Path copyConfiguration(java.nio.file.Path root) throws java.io.IOException {
        FileSystemUtils.deleteRecursively(root);
        for (String folder : new String[] {"connectors", "mappings", "routes", "proposals", "recommendations", "calendar"}) {
            FileSystemUtils.copyRecursively(new File(folder), root.resolve(folder).toFile());
        }
        return root;
    }

    /**
     * The shared hub's exporter: every span it records, in memory, emptied before each test (so that a test's
     * leftovers do not pile up). With it the hub samples every trace, as with OTLP export on (config/TracingConfiguration).
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Spans {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected SandboxDepartments sandbox;
    /** The departments' systems that decide what they receive (all but 市卫生健康委's, which is sandbox.statusReporter()). */
    @Autowired
    protected SandboxDecisions decisions;

    protected HubClient hub;
    /** The embedded database's superuser, for what the hub's own role may not do (create databases, bypass triggers). */
    protected JdbcTemplate superuser;

    /** Every span the hub recorded since this test began (Spans). */
    @Autowired
    protected InMemorySpanExporter spans;

    @Autowired
    private FeedProgress feeds;
    @Autowired
    private ApplicationStore applications;

    @BeforeEach
    void connectClient(@Autowired org.springframework.core.env.Environment env) {
        superuser = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                env.getRequiredProperty("spring.datasource.url"), env.getRequiredProperty("hub.embedded.postgres.admin-user"), ""));
        HubClient.useIdentityProvider(sandbox.identityProvider()::tokenFor);
        hub = new HubClient(port, json);
        spans.reset();
        departmentsAsFound();
        // Right after startup the insured-persons copy may still be catching up, and applications would wait.
        await().atMost(Duration.ofSeconds(30)).until(() -> feeds.caughtUp("ybj-insured-persons", "insured"));
    }

    /**
     * The departments as every test finds them, and leaves them (a class's {@code @BeforeAll} runs before the next
     * {@code @BeforeEach}): deciding what they receive, for this JVM's hub, rejecting nothing, on today's calendar.
     */
    @org.junit.jupiter.api.AfterEach
    void departmentsAsFound() {
        departmentsDecide(true);
        departmentsReportThrough(null);
        decisions.reject(java.util.Set.of());
        sandbox.clock().reset();
    }

    /**
     * Whether the sandbox departments decide what they receive (the sandbox profile's default) or leave it DELIVERED,
     * for a test that reports as a department itself.
     */
    protected void departmentsDecide(boolean on) {
        decisions.enable(on);
        sandbox.statusReporter().enable(on);
    }

    /**
     * Where the departments' decisions go instead of this JVM's hub (a child hub's {@link ChildHubDecisions}); null:
     * here.
     */
    protected void departmentsReportThrough(DecisionChannel channel) {
        decisions.reportThrough(channel);
        sandbox.statusReporter().reportThrough(channel);
    }

    /**
     * A newborn application whose every item reached its department, with this test deciding, as 市卫生健康委 and
     * 市公安局, the birth certificate and the household registration the others wait for; the rest undecided. For a
     * test that reports on items itself, after {@code departmentsDecide(false)}. Returns the application's id.
     */
    protected String newbornWithEveryItemDelivered(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        String certificateNo = "Q%09d".formatted(Math.floorMod(id.hashCode(), 1_000_000_000));
        decide(statusUrl, "birth-certificate", "\"certificateNo\":\"" + certificateNo + "\"");
        String first17 = family.mother().idNumber().substring(0, 6)
                + family.birth().birthTime().toLocalDate().toString().replace("-", "") + "001";
        String childIdNumber = first17 + CitizenIdNumber.checkCharacter(first17);
        decide(statusUrl, "household-registration",
                "\"result\":\"准予登记\",\"outputs\":{\"childIdNumber\":\"" + childIdNumber + "\"}");
        hub.awaitEveryItemDelivered(statusUrl);
        return id;
    }

    /** Waits until that item of the application reached its department. */
    protected void awaitItemDelivered(String statusUrl, String item) {
        // ignoreExceptions: until the application is collected it has no items yet, and HubClient.item throws.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                HubClient.item(hub.body(hub.get(statusUrl)), item).hasNonNull("deliveredAt"));
    }

    private void decide(String statusUrl, String item, String decision) throws Exception {
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        awaitItemDelivered(statusUrl, item);
        java.net.http.HttpResponse<String> done = hub.reportStatus(id, item, "{\"status\":\"DONE\",\"at\":\"%s\",%s}"
                .formatted(java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)), decision));
        if (done.statusCode() != 200) {
            throw new IllegalStateException("the hub refused the decision on " + item + ": " + done.body());
        }
    }

    /** Synthetic families of the sandbox that have a birth record (every tenth has none). */
    protected List<SyntheticPeople.Family> familiesWithBirthRecords() {
        return sandbox.people().families().stream().filter(f -> f.birth() != null).toList();
    }

    /** An item's record as the hub stores it (sealed at rest), opened. */
    protected JsonNode itemRecord(Object applicationId, String item) {
        return json.valueToTree(applications.opened(ApplicationStore.ITEM_RECORD, applicationId + ":" + item, jdbc.queryForObject(
                "select record::text from application_item where application_id = ?::uuid and item_id = ?", String.class,
                applicationId.toString(), item)));
    }

    /**
     * Writes a bundle's mapping into the configuration copy and waits until the hub serves it (hot reload); a test
     * that does restores the original with {@link #restoreMapping}.
     */
    protected void serveMapping(String bundleId, String yaml) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(CONFIG_ROOT, "mappings", bundleId + ".yaml"), yaml);
        String version = gov.onceonly.hub.catalog.BundleCatalog.version(yaml);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode config = hub.body(hub.asOperator().get("/api/v1/ops/config"));
            return config.path("bundleVersions").path(bundleId).asText().equals(version) && config.path("rejected").isNull();
        });
    }

    /** The mapping as the configuration copy holds it now. */
    protected String servedMapping(String bundleId) throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of(CONFIG_ROOT, "mappings", bundleId + ".yaml"));
    }

    /** Serves the working tree's mapping again. */
    protected void restoreMapping(String bundleId) throws java.io.IOException {
        serveMapping(bundleId, java.nio.file.Files.readString(java.nio.file.Path.of("mappings", bundleId + ".yaml")));
    }

    protected long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }
}
