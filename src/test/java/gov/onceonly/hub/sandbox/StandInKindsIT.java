package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.SecondHub;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.connector.FeedProgress;
import gov.onceonly.hub.scaffold.NewCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Departments of the other kinds as YAML only: the scaffold writes a jdbc source, a kafka source, a kafka target and a
 * jdbc target with their fixtures and two bundles delivered to those targets, into a configuration root of their own.
 * A second hub starts on it (a new kafka source's feed starts only with the hub, so the shared hub cannot take it by
 * reloading); its sandbox makes the jdbc source's database and publishes the kafka source's records, the examples take
 * their applicant from the fixtures, and each application is delivered with both sources' fields to a target stand-in
 * that keeps it.
 */
class StandInKindsIT extends HubIntegrationTest {

    private static final Path ROOT = Path.of("target/it-config-stand-ins");
    private static final String[][] BUNDLES = {{"veteran-pension", "veteran-requests"},
            {"veteran-pension-filing", "veteran-exchange"}};

    @Value("${hub.kafka.bootstrap-servers}")
    String sharedBroker;
    @Value("${spring.datasource.url}")
    String mainDatabase;

    @Test
    void jdbcAndKafkaDepartmentsFromFixturesFeedTheHubAndReceiveItsItems() throws Exception {
        String applicant = sandbox.catalogue().records().all("rlsb-social-insurance/insured-person").keySet().iterator().next();
        copyConfiguration(ROOT);
        scaffold("--kind", "jdbc", "--id", "veteran-archive", "--dataset", "service-record", "--field", "placementType");
        scaffold("--kind", "kafka", "--id", "veteran-stream", "--dataset", "pension", "--field", "pensionLevel");
        scaffold("--kind", "kafka", "--id", "veteran-requests", "--role", "target");
        scaffold("--kind", "jdbc", "--id", "veteran-exchange", "--role", "target");
        // The applicant's records in place of the scaffold's sample, which is nobody's.
        Files.writeString(ROOT.resolve(StandInFixtures.fileOf("veteran-archive")), """
                datasets:
                  service-record:
                    "%s":
                      placementType: 自主就业
                      serviceYears: 12
                """.formatted(applicant));
        Files.writeString(ROOT.resolve(StandInFixtures.fileOf("veteran-stream")), """
                datasets:
                  pension:
                    "%s":
                      pensionLevel: 三级
                """.formatted(applicant));
        for (String[] bundle : BUNDLES) {
            assertThat(new CommandLine(new NewCommand()).execute("bundle", "--id", bundle[0], "--name", "退役军人抚恤",
                    "--target", bundle[1], "--demand", "name=gongan-population/person.name",
                    "--demand", "placementType=veteran-archive/service-record.placementType",
                    "--demand", "pensionLevel=veteran-stream/pension.pensionLevel", "--root", ROOT.toString())).isZero();
        }
        superuser.execute("drop database if exists hub_stand_ins_it with (force)");
        superuser.execute("create database hub_stand_ins_it");

        try (SecondHub second = SecondHub.start("standins", Map.of(
                "hub.config-root", ROOT.toString(),
                "spring.datasource.url", SandboxDatabases.serverOf(mainDatabase) + "/hub_stand_ins_it",
                "spring.datasource.username", "postgres",
                "hub.kafka.bootstrap-servers", sharedBroker,
                "hub.sandbox.report-status", "false"))) {
            SandboxDepartments departments = second.bean(SandboxDepartments.class);
            CatalogueDepartments.Servers servers = departments.servers();
            // The jdbc stand-in's table, made from the fixtures as the scaffold's query names it.
            try (Connection c = DriverManager.getConnection(servers.postgresServerUrl() + "/standin_veteran_archive",
                    servers.postgresUser(), servers.postgresPassword());
                 ResultSet rs = c.createStatement().executeQuery(
                         "select id_number, placement_type, service_years from service_record")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(applicant);
                assertThat(rs.getString(2)).isEqualTo("自主就业");
                assertThat(rs.getLong(3)).isEqualTo(12);
                assertThat(rs.next()).isFalse();
            }
            // The kafka stand-in's records, in the hub's copy of the stream.
            await().atMost(Duration.ofSeconds(60)).until(() -> second.bean(FeedProgress.class).caughtUp("veteran-stream", "pension"));

            HubClient client = new HubClient(second.port(), json);
            for (String[] bundle : BUNDLES) {
                HttpResponse<String> example = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        departments.baseUrl() + "/sandbox/examples/" + bundle[0])).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(example.statusCode()).as(example.body()).isEqualTo(200);
                assertThat(json.readTree(example.body()).path("applicant").path("idNumber").asText()).isEqualTo(applicant);
                String statusUrl = client.submit(example.body());
                UUID id = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
                String item = bundle[1] + "-application";
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        HubClient.item(client.body(client.get(statusUrl)), item).hasNonNull("deliveredAt"));
                JsonNode record = json.readTree(second.bean(ApplicationStore.class).item(id, item).orElseThrow().record());
                assertThat(record.path("placementType").asText()).as("from the jdbc stand-in").isEqualTo("自主就业");
                assertThat(record.path("pensionLevel").asText()).as("from the kafka stand-in").isEqualTo("三级");
                // The target stand-in keeps what it received: from its topic, or read from its exchange table.
                await().atMost(Duration.ofSeconds(30)).until(() -> departments.inbox().received(bundle[1]).stream()
                        .anyMatch(r -> r.idempotencyKey().equals(id + ":" + item) && r.body().contains("三级")
                                && r.body().contains("自主就业")));
            }
        }
    }

    private static void scaffold(String... args) {
        String[] all = Stream.concat(Stream.of("connector", "--department", "市退役军人事务局", "--root", ROOT.toString()),
                Stream.of(args)).toArray(String[]::new);
        assertThat(new CommandLine(new NewCommand()).execute(all)).isZero();
    }
}
