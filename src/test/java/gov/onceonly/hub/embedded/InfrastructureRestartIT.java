package gov.onceonly.hub.embedded;

import gov.onceonly.hub.ChildHubDecisions;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.HubProcess;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hub JVM whose own PostgreSQL and Kafka broker are restarted under it while applications are in flight.
 * Applications acknowledged before, during and after each restart all complete, each item reaching its
 * department once.
 */
class InfrastructureRestartIT extends HubIntegrationTest {

    private static final Path DATA = Path.of("target", "it-data", "restart");

    @Value("${hub.kafka.bootstrap-servers}")
    String departmentBroker;
    @Value("${hub.sandbox.url}")
    String departments;
    @Value("${hub.sandbox.postgres-url}")
    String departmentDatabases;

    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;

    @AfterEach
    void stopAll() throws Exception {
        sandbox.faults().clear("rlsb-card-approval");
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theHubRidesOutABrokerRestartAndADatabaseRestart() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        int pgPort = HubProcess.freePort();
        int kafkaPort = HubProcess.freePort();
        int controllerPort = HubProcess.freePort(); // not kafkaPort + 1, which another process may hold
        postgres = EmbeddedPostgresServer.start(DATA.resolve("postgres"), pgPort);
        kafka = EmbeddedKafkaBroker.start(DATA.resolve("kafka"), kafkaPort, controllerPort, 2);
        List<SyntheticPeople.Family> families = familiesWithBirthRecords().subList(90, 120);
        List<String> acknowledged = new ArrayList<>();
        int port = HubProcess.freePort();
        HubClient client = new HubClient(port, json);
        departmentsReportThrough(new ChildHubDecisions(new HubClient(port, json))); // its departments decide
        List<String> arguments = new ArrayList<>(HubProcess.sandboxDepartments(departments, departmentDatabases));
        arguments.addAll(List.of(
                "--spring.profiles.active=restarttest",
                "--spring.datasource.url=" + postgres.jdbcUrl("hub"),
                // The roles the embedded hub runs with: a superuser's tables would be handed to hub_owner by
                // db/embedded-roles.sql at the restart, under the running hub's locks.
                "--spring.datasource.username=hub_app",
                "--spring.flyway.user=hub_owner",
                "--hub.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--hub.kafka.group-prefix=restart",
                "--camel.main.name=restart",
                "--hub.config-root=" + Path.of("").toAbsolutePath(),
                "--hub.dispatch.retry-delay-millis=200"));
        // 市医保局's stream and enrolment topic stay on its own cluster, the sandbox's.
        try (HubProcess hub = new HubProcess("restart-hub", port, arguments,
                Map.of("YBJ_KAFKA_BROKERS", departmentBroker)).start()) {
            sandbox.faults().delay("rlsb-card-approval", 200, 1000);
            submit(client, families.subList(0, 10), acknowledged);

            kafka.close();
            submit(client, families.subList(10, 15), acknowledged); // the outbox holds them while Kafka is away
            assertThat(acknowledged).as("intake does not need the broker").hasSize(15);
            kafka = EmbeddedKafkaBroker.start(DATA.resolve("kafka"), kafkaPort, controllerPort, 2);
            submit(client, families.subList(15, 20), acknowledged);
            awaitDelivered(client, acknowledged);

            submit(client, families.subList(20, 25), acknowledged);
            postgres.close();
            Thread.sleep(1000);
            postgres = EmbeddedPostgresServer.start(DATA.resolve("postgres"), pgPort);
            submit(client, families.subList(25, 30), acknowledged);
            awaitDelivered(client, acknowledged);
        }

        JdbcTemplate hubDb = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl("hub"), "postgres", ""));
        assertThat(hubDb.queryForObject("select count(*) from application", Integer.class)).isEqualTo(acknowledged.size());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : acknowledged) {
                assertThat(keys("weijian-approval", id)).hasSize(2);
                assertThat(keys("rlsb-card-approval", id)).hasSize(1);
                assertThat(keys("ybj-enrolment", id)).hasSize(1);
            }
        });
        assertThat(sandbox.inbox().withoutKey()).isZero();
    }

    private List<String> keys(String system, String applicationId) {
        return sandbox.inbox().received(system).stream().map(ApprovalInbox.Received::idempotencyKey)
                .filter(key -> key.startsWith(applicationId + ":")).toList();
    }

    private static void awaitDelivered(HubClient client, List<String> acknowledged) {
        for (String id : acknowledged) {
            client.awaitEveryItemDelivered("/api/v1/applications/" + id, Duration.ofSeconds(90));
        }
    }

    /** Submits one by one; only a 202 counts as acknowledged (while PostgreSQL restarts, intake may refuse). */
    private static void submit(HubClient client, List<SyntheticPeople.Family> families, List<String> acknowledged)
            throws Exception {
        for (SyntheticPeople.Family family : families) {
            HttpResponse<String> response = client.post("/api/v1/applications",
                    HubClient.newborn(family.mother().idNumber(), family.mother().name()));
            if (response.statusCode() == 202) {
                acknowledged.add(client.body(response).path("id").asText());
            }
        }
    }
}
