package gov.onceonly.hub.reliability;

import gov.onceonly.hub.ChildHubDecisions;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.HubProcess;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SandboxDatabases;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub runs as its own JVM against this test's PostgreSQL, broker and sandbox departments. It is killed with
 * SIGKILL while deliveries are in flight, then started again. Every acknowledged application completes, every
 * item reaches its department once (by idempotency key), and nothing unacknowledged appears.
 */
class CrashRecoveryIT extends HubIntegrationTest {

    private static final String DATABASE = "hub_crash_it";
    private static final List<String> ITEMS = List.of("birth-certificate", "household-registration", "medical-insurance",
            "social-security-card", "vaccination-certificate");

    @Value("${hub.kafka.bootstrap-servers}")
    String broker;
    @Value("${hub.sandbox.url}")
    String departments;
    @Value("${hub.sandbox.postgres-url}")
    String departmentDatabases;

    @AfterEach
    void recover() {
        sandbox.faults().clear("rlsb-card-approval");
    }

    @Test
    void aHubKilledMidFlightLosesNothingAndDuplicatesNothing() throws Exception {
        superuser.execute("drop database if exists " + DATABASE + " with (force)");
        superuser.execute("create database " + DATABASE);
        List<SyntheticPeople.Family> families = familiesWithBirthRecords().subList(40, 80);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        int port = HubProcess.freePort();
        HubClient client = new HubClient(port, json);
        departmentsReportThrough(new ChildHubDecisions(new HubClient(port, json))); // its departments decide

        try (HubProcess first = hubProcess("crash-hub-1", port).start()) {
            // Slow one department so that deliveries are still in flight when the hub dies.
            sandbox.faults().delay("rlsb-card-approval", 300, 1000);
            submit(client, families.subList(0, 30), acknowledged);
            first.kill();
        }
        JdbcTemplate crashed = new JdbcTemplate(new DriverManagerDataSource(
                SandboxDatabases.serverOf(departmentDatabases) + "/" + DATABASE, "postgres", ""));
        Integer deliveredAtKill = crashed.queryForObject(
                "select count(*) from application_item where delivered_at is not null", Integer.class);
        assertThat(deliveredAtKill).as("the kill came mid-flight").isLessThan(30 * ITEMS.size());
        sandbox.faults().clear("rlsb-card-approval");

        try (HubProcess second = hubProcess("crash-hub-2", port).start()) {
            submit(client, families.subList(30, 40), acknowledged);
            assertThat(acknowledged).hasSize(40);
            for (String id : acknowledged) {
                client.awaitEveryItemDelivered("/api/v1/applications/" + id, Duration.ofSeconds(60));
            }
        }

        assertThat(crashed.queryForObject("select count(*) from application", Integer.class))
                .as("no application the hub did not acknowledge").isEqualTo(acknowledged.size());
        assertThat(crashed.queryForObject("select count(*) from application_item where delivered_at is not null", Integer.class))
                .isEqualTo(acknowledged.size() * ITEMS.size());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : acknowledged) {
                assertThat(keys("weijian-approval", id)).containsExactlyInAnyOrder(id + ":birth-certificate", id + ":vaccination-certificate");
                assertThat(keys("rlsb-card-approval", id)).containsExactly(id + ":social-security-card");
                assertThat(keys("ybj-enrolment", id)).containsExactly(id + ":medical-insurance");
            }
        });
        List<String> exchange = sandbox.databases().householdExchange().stream()
                .map(row -> (String) row.get("idempotencyKey")).toList();
        for (String id : acknowledged) {
            assertThat(exchange).containsOnlyOnce(id + ":household-registration");
        }
        assertThat(sandbox.inbox().withoutKey()).as("every delivery carried its idempotency key").isZero();
    }

    private List<String> keys(String system, String applicationId) {
        return sandbox.inbox().received(system).stream().map(ApprovalInbox.Received::idempotencyKey)
                .filter(key -> key.startsWith(applicationId + ":")).toList();
    }

    private static void submit(HubClient client, List<SyntheticPeople.Family> families, List<String> acknowledged)
            throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (SyntheticPeople.Family family : families) {
            senders.submit(() -> {
                HttpResponse<String> response = client.post("/api/v1/applications",
                        HubClient.newborn(family.mother().idNumber(), family.mother().name()));
                if (response.statusCode() == 202) {
                    acknowledged.add(client.body(response).path("id").asText());
                }
                return null;
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private HubProcess hubProcess(String name, int port) {
        String server = SandboxDatabases.serverOf(departmentDatabases);
        return new HubProcess(name, port, List.of(
                "--spring.profiles.active=crashtest",
                "--spring.datasource.url=" + server + "/" + DATABASE,
                "--spring.datasource.username=postgres",
                "--hub.kafka.bootstrap-servers=" + broker,
                "--hub.kafka.group-prefix=crash",
                "--hub.topics.applications=crash.applications",
                "--hub.topics.deliveries=crash.deliveries",
                "--hub.topics.item-status=crash.item-status",
                "--camel.main.name=crash",
                "--hub.config-root=" + Path.of("").toAbsolutePath(),
                "--hub.dispatch.redelivery-delay-millis=100"),
                HubProcess.sandboxDepartments(departments, departmentDatabases));
    }
}
