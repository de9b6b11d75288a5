package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.scaffold.NewCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A department that exists only as YAML: the scaffold writes an http source and its fixtures into the running hub's
 * configuration copy, a bundle demands its field (hot reload), the sandbox's example names the applicant the fixtures
 * lack, and once the fixtures have them (no reload: the stand-in reads them at each call) the example is delivered
 * with the field the stand-in answered.
 */
class StandInDepartmentIT extends HubIntegrationTest {

    private static final Path ROOT = Path.of(CONFIG_ROOT);
    private static final String BUNDLE = "military-discharge";
    private static final String CONNECTOR = "veteran-records";

    /** The jdbc and kafka stand-ins' test: two sources, two targets and a bundle delivered to each target. */
    private static final List<String> STAND_INS = List.of("veteran-archive", "veteran-stream", "veteran-requests",
            "veteran-exchange");
    private static final List<String> STAND_IN_BUNDLES = List.of("veteran-pension", "veteran-pension-filing");

    @AfterEach
    void restore() throws Exception {
        restoreMapping(BUNDLE);
        for (String bundle : STAND_IN_BUNDLES) {
            Files.deleteIfExists(ROOT.resolve("mappings/" + bundle + ".yaml"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode versions = config().path("bundleVersions");
            return STAND_IN_BUNDLES.stream().noneMatch(versions::has);
        });
        for (String connector : ListOf.with(CONNECTOR, STAND_INS)) {
            Files.deleteIfExists(ROOT.resolve("connectors/" + connector + ".yaml"));
            Files.deleteIfExists(ROOT.resolve(StandInFixtures.fileOf(connector)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String connectors = config().path("connectors").toString();
            return ListOf.with(CONNECTOR, STAND_INS).stream().noneMatch(c -> connectors.contains("\"" + c + "\""));
        });
    }

    private static final class ListOf {
        static List<String> with(String first, List<String> rest) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
        }
    }

    @Test
    void aSourceFromFixturesAnswersTheHubAndTheExamplesNameWhatTheyLack() throws Exception {
        int exit = new CommandLine(new NewCommand()).execute("connector", "--kind", "http", "--id", CONNECTOR,
                "--department", "市退役军人事务局", "--dataset", "service-record", "--field", "placementType",
                "--root", ROOT.toString());
        assertThat(exit).isZero();
        String mapping = servedMapping(BUNDLE);
        String anchor = "      placementWish: { from: form.placementWish }\n";
        assertThat(mapping).contains(anchor);
        serveMapping(BUNDLE, mapping.replaceFirst(java.util.regex.Pattern.quote(anchor), anchor
                + "      placementType: { from: veteran-records/service-record.placementType }\n"));

        // The scaffold's one record is nobody's: the example names the resident it lacks.
        HttpResponse<String> lacking = example();
        assertThat(lacking.statusCode()).as(lacking.body()).isEqualTo(404);
        assertThat(lacking.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(lacking.body());
        JsonNode missing = problem.path("missing").get(0);
        assertThat(missing.path("source").asText()).isEqualTo("veteran-records/service-record");
        assertThat(missing.path("fixtures").asText()).isEqualTo("connectors/fixtures/veteran-records.yaml");
        String applicant = missing.path("applicant").asText();
        assertThat(applicant).matches("\\d{17}[\\dX]");
        assertThat(problem.path("detail").asText()).contains("veteran-records/service-record").contains(applicant);

        // Given a record for that resident, the fixtures serve it at once, with no reload.
        Path fixtures = ROOT.resolve(StandInFixtures.fileOf(CONNECTOR));
        Files.writeString(fixtures, Files.readString(fixtures) + "    \"" + applicant + "\":\n      placementType: 自主就业\n");
        HttpResponse<String> found = example();
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(json.readTree(found.body()).path("applicant").path("idNumber").asText()).isEqualTo(applicant);

        String statusUrl = hub.submit(found.body());
        UUID id = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id, "veteran-registration"));
        assertThat(itemRecord(id, "veteran-registration").path("placementType").asText()).isEqualTo("自主就业");
        assertThat(sandbox.lookups().count(CONNECTOR, applicant)).as("looked up at the stand-in").isPositive();
        assertThat(sandbox.lookups().signedCalls(CONNECTOR)).allMatch(LookupLog.SignedCall::signedByHub);
    }

    /**
     * Departments of the other kinds, as YAML too: a jdbc source and a kafka source whose fixtures the sandbox puts in
     * a database of their own and on a topic, a kafka target and a jdbc target that keep what they receive; the
     * examples of two bundles take their applicant from the fixtures, and each is delivered with both sources' fields.
     */
    @Test
    void jdbcAndKafkaDepartmentsFromFixturesFeedTheHubAndReceiveItsItems() throws Exception {
        String applicant = sandbox.catalogue().records().all("rlsb-social-insurance/insured-person").keySet().iterator().next();
        scaffold("--kind", "jdbc", "--id", "veteran-archive", "--dataset", "service-record", "--field", "placementType");
        scaffold("--kind", "kafka", "--id", "veteran-stream", "--dataset", "pension", "--field", "pensionLevel");
        scaffold("--kind", "kafka", "--id", "veteran-requests", "--role", "target");
        scaffold("--kind", "jdbc", "--id", "veteran-exchange", "--role", "target");
        // The applicant's records, in place of the scaffold's sample (nobody's): the stand-ins follow the edit.
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
        for (String[] bundle : new String[][] {{"veteran-pension", "veteran-requests"},
                {"veteran-pension-filing", "veteran-exchange"}}) {
            assertThat(new CommandLine(new NewCommand()).execute("bundle", "--id", bundle[0], "--name", "退役军人抚恤",
                    "--target", bundle[1], "--demand", "name=gongan-population/person.name",
                    "--demand", "placementType=veteran-archive/service-record.placementType",
                    "--demand", "pensionLevel=veteran-stream/pension.pensionLevel", "--root", ROOT.toString())).isZero();
            serveMapping(bundle[0], servedMapping(bundle[0])); // waits until the hub serves it
        }

        // The jdbc stand-in's table, made from the fixtures as edited; the kafka one's record, in the hub's feed.
        CatalogueDepartments.Servers servers = sandbox.servers();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (var c = java.sql.DriverManager.getConnection(servers.postgresServerUrl() + "/standin_veteran_archive",
                    servers.postgresUser(), servers.postgresPassword());
                 var rs = c.createStatement().executeQuery("select placement_type, service_years from service_record")) {
                return rs.next() && rs.getString(1).equals("自主就业") && rs.getLong(2) == 12 && !rs.next();
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from dataset_record where "
                + "connector_id = 'veteran-stream' and dataset = 'pension' and record_key = ?", Long.class, applicant) == 1);

        for (String[] bundle : new String[][] {{"veteran-pension", "veteran-requests"},
                {"veteran-pension-filing", "veteran-exchange"}}) {
            HttpResponse<String> example = example(bundle[0]);
            assertThat(example.statusCode()).as(example.body()).isEqualTo(200);
            assertThat(json.readTree(example.body()).path("applicant").path("idNumber").asText()).isEqualTo(applicant);
            String statusUrl = hub.submit(example.body());
            UUID id = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
            String item = bundle[1] + "-application";
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id, item));
            JsonNode record = itemRecord(id, item);
            assertThat(record.path("placementType").asText()).as("from the jdbc stand-in").isEqualTo("自主就业");
            assertThat(record.path("pensionLevel").asText()).as("from the kafka stand-in").isEqualTo("三级");
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.inbox().received(bundle[1]).stream()
                    .anyMatch(r -> r.idempotencyKey().equals(id + ":" + item) && r.body().contains("三级")
                            && r.body().contains("自主就业")));
        }
    }

    private void scaffold(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("connector", "--department", "市退役军人事务局",
                "--root", ROOT.toString()), java.util.Arrays.stream(args)).toArray(String[]::new);
        assertThat(new CommandLine(new NewCommand()).execute(all)).isZero();
    }

    private HttpResponse<String> example() throws Exception {
        return example(BUNDLE);
    }

    private HttpResponse<String> example(String bundle) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/examples/"
                + bundle)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean delivered(UUID id, String item) {
        List<String> status = jdbc.queryForList("select status from application_item where application_id = ? and item_id = ?",
                String.class, id, item);
        return !status.isEmpty() && List.of("DELIVERED", "ACCEPTED", "IN_PROGRESS", "DONE").contains(status.get(0));
    }

    private JsonNode config() throws Exception {
        return hub.body(hub.asOperator().get("/api/v1/ops/config"));
    }
}
