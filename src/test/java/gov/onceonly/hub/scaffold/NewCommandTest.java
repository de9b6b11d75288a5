package gov.onceonly.hub.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.onceonly.hub.lint.ConfigLint;
import gov.onceonly.hub.lint.LintReport;
import gov.onceonly.hub.schema.ConfigSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scaffold's files, written into a copy of the shipped configuration, pass the lint with no error. */
class NewCommandTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path root;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new NewCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private LintReport lint() {
        return new ConfigLint(ConfigSchemas.shared()).check(root);
    }

    @Test
    void aNewHttpSourceAndItsFixturesPassTheLint() throws Exception {
        copyShippedConfig();
        Run run = run("connector", "--kind", "http", "--id", "veteran-records", "--department", "市退役军人事务局",
                "--dataset", "service-record", "--field", "placementType", "--root", root.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        String connector = Files.readString(root.resolve("connectors/veteran-records.yaml"));
        assertThat(connector.lines().findFirst()).contains("# yaml-language-server: $schema=../schemas/connector.json");
        JsonNode tree = YAML.readTree(connector);
        assertThat(tree.path("http").path("baseUrl").asText())
                .isEqualTo("${VETERAN_RECORDS_URL:${hub.sandbox.url}/stand-in/veteran-records}");
        assertThat(tree.path("datasets").path("service-record").path("path").asText()).isEqualTo("/service-record/{key}");
        JsonNode fixtures = YAML.readTree(root.resolve("connectors/fixtures/veteran-records.yaml").toFile());
        assertThat(fixtures.path("datasets").path("service-record").path(NewConnectorCommand.SAMPLE_ID_NUMBER)
                .path("placementType").asText()).isEqualTo("示例");

        LintReport report = lint();
        assertThat(report.errors()).isEmpty();
        assertThat(report.unusedFields().toString()).as("linted as a connector, its fixtures not")
                .contains("veteran-records").doesNotContain("fixtures");
    }

    @Test
    void aNewTargetAndABundleDeliveredToItPassTheLint() throws Exception {
        copyShippedConfig();
        assertThat(run("connector", "--kind", "http", "--id", "veteran-affairs-approval", "--department", "市退役军人事务局",
                "--role", "target", "--root", root.toString()).exit()).isZero();
        Run bundle = run("bundle", "--id", "veteran-benefits", "--name", "退役军人优待", "--target", "veteran-affairs-approval",
                "--demand", "idNumber=gongan-population/person.idNumber", "--root", root.toString());
        assertThat(bundle.exit()).as(bundle.err()).isZero();

        String mapping = Files.readString(root.resolve("mappings/veteran-benefits.yaml"));
        assertThat(mapping.lines().findFirst()).contains("# yaml-language-server: $schema=../schemas/mapping.json");
        JsonNode item = YAML.readTree(mapping).path("items").get(0);
        assertThat(item.path("target").asText()).isEqualTo("veteran-affairs-approval");
        assertThat(item.path("department").asText()).isEqualTo("市退役军人事务局");
        assertThat(item.path("demands").path("idNumber").path("from").asText()).isEqualTo("gongan-population/person.idNumber");
        assertThat(lint().errors()).isEmpty();
    }

    @Test
    void neverOverwritesAFileAndRefusesWhatItCannotScaffold() throws Exception {
        copyShippedConfig();
        String before = Files.readString(root.resolve("connectors/gongan-population.yaml"));
        Run existing = run("connector", "--kind", "http", "--id", "gongan-population", "--department", "市公安局",
                "--root", root.toString());
        assertThat(existing.exit()).isEqualTo(1);
        assertThat(existing.err()).contains("gongan-population.yaml").contains("never overwrites");
        assertThat(Files.readString(root.resolve("connectors/gongan-population.yaml"))).isEqualTo(before);
        assertThat(root.resolve("connectors/fixtures/gongan-population.yaml")).doesNotExist();

        assertThat(run("bundle", "--id", "newborn", "--name", "出生", "--target", "weijian-approval", "--root",
                root.toString()).exit()).isEqualTo(1);
        assertThat(run("connector", "--kind", "ftp", "--id", "x", "--department", "d", "--root", root.toString()).err())
                .contains("http, jdbc or kafka");
        assertThat(run("bundle", "--id", "b", "--name", "n", "--target", "gongan-population", "--root", root.toString()).err())
                .contains("not a target");
    }

    @Test
    void jdbcAndKafkaConnectorsPointAtTheirStandInsAndPassTheLint() throws Exception {
        copyShippedConfig();
        for (String[] args : new String[][] {
                {"--kind", "jdbc", "--id", "veteran-archive", "--dataset", "service-record", "--field", "placementType"},
                {"--kind", "jdbc", "--id", "veteran-exchange", "--role", "target"},
                {"--kind", "kafka", "--id", "veteran-stream", "--dataset", "pension", "--field", "pensionLevel"},
                {"--kind", "kafka", "--id", "veteran-requests", "--role", "target"}}) {
            Run run = run(Stream.concat(Stream.of("connector", "--department", "市退役军人事务局", "--root", root.toString()),
                    Stream.of(args)).toArray(String[]::new));
            assertThat(run.exit()).as(run.err()).isZero();
        }

        JsonNode archive = YAML.readTree(root.resolve("connectors/veteran-archive.yaml").toFile());
        assertThat(archive.path("jdbc").path("url").asText())
                .isEqualTo("${VETERAN_ARCHIVE_JDBC_URL:${hub.sandbox.postgres-url}/standin_veteran_archive}");
        assertThat(archive.path("datasets").path("service-record").path("query").asText())
                .isEqualTo("select placement_type from service_record where id_number = :?key");
        JsonNode exchange = YAML.readTree(root.resolve("connectors/veteran-exchange.yaml").toFile());
        assertThat(exchange.path("jdbc").path("url").asText()).endsWith("/standin_veteran_exchange}");
        assertThat(exchange.path("jdbc").path("insert").asText()).startsWith("insert into standin_exchange (idempotency_key");
        JsonNode stream = YAML.readTree(root.resolve("connectors/veteran-stream.yaml").toFile());
        assertThat(stream.path("datasets").path("pension").path("topic").asText()).isEqualTo("veteran-stream.pension");
        assertThat(stream.path("datasets").path("pension").path("keyField").asText()).isEqualTo("idNumber");
        assertThat(YAML.readTree(root.resolve("connectors/veteran-requests.yaml").toFile()).path("kafka").path("topic")
                .asText()).isEqualTo("veteran-requests.requests");
        JsonNode fixtures = YAML.readTree(root.resolve("connectors/fixtures/veteran-stream.yaml").toFile());
        assertThat(fixtures.path("datasets").path("pension").path(NewConnectorCommand.SAMPLE_ID_NUMBER)
                .path("pensionLevel").asText()).isEqualTo("示例");
        assertThat(root.resolve("connectors/fixtures/veteran-requests.yaml")).exists();

        LintReport report = lint();
        assertThat(report.errors()).isEmpty();
        assertThat(report.unusedFields().toString()).contains("veteran-archive").contains("veteran-stream");
    }

    @Test
    void namesAreSnakeCaseAsTheSandboxMakesThem() {
        // the same examples as StandInTablesTest: the sandbox's tables and the scaffold's queries must agree
        assertThat(StandInConnectors.snake("idNumber")).isEqualTo("id_number");
        assertThat(StandInConnectors.snake("service-record")).isEqualTo("service_record");
        assertThat(StandInConnectors.snake("householdIncomePerCapita")).isEqualTo("household_income_per_capita");
        assertThat(StandInConnectors.snake("HTTPStatus")).isEqualTo("http_status");
    }

    private void copyShippedConfig() throws IOException {
        for (String folder : new String[] {"connectors", "mappings", "routes"}) {
            Files.createDirectories(root.resolve(folder));
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, root.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
    }
}
