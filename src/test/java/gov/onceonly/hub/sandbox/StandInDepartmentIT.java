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

    @AfterEach
    void restore() throws Exception {
        restoreMapping(BUNDLE);
        Files.deleteIfExists(ROOT.resolve("connectors/" + CONNECTOR + ".yaml"));
        Files.deleteIfExists(ROOT.resolve(StandInFixtures.fileOf(CONNECTOR)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !config().path("connectors").toString().contains(CONNECTOR));
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

    private HttpResponse<String> example() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/examples/"
                + BUNDLE)).build(), HttpResponse.BodyHandlers.ofString());
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
