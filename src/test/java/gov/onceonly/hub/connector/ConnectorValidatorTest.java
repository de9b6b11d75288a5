package gov.onceonly.hub.connector;

import gov.onceonly.hub.configfile.ConfigFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Connector files as ConnectorCatalog loads them: the connector schema first, then what it cannot see (the file name). */
class ConnectorValidatorTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static final String JDBC_SOURCE = """
            id: dept-db
            department: 市卫生健康委
            kind: jdbc
            role: source
            jdbc:
              url: jdbc:postgresql://localhost/dept
              username: hub
            datasets:
              birth:
                key: idNumber
                query: select baby_gender from birth_record where mother_id_number = :?key
                fields:
                  babyGender: 新生儿性别
            """;

    private static final String HTTP_TARGET = """
            id: dept-db
            department: 市人力社保局
            kind: http
            role: target
            http:
              baseUrl: http://localhost/card
              path: /card-applications
            """;

    private static final String KAFKA_SOURCE = """
            id: dept-db
            department: 市医保局
            kind: kafka
            role: source
            datasets:
              insured:
                key: idNumber
                topic: ybj.insured-persons
                keyField: idNumber
                fields: { insuredId: 医保个人编号 }
            """;

    @TempDir
    Path temp;

    @Test
    void theRealConnectorsLoad() {
        ConnectorCatalog catalog = ConnectorCatalog.load(ROOT, ROOT.resolve("connectors"));
        assertThat(catalog.entries()).extracting(ConnectorCatalog.Entry::file).containsExactly(
                "connectors/bank-services.yaml", "connectors/cqsw-water-accounts.yaml", "connectors/dsj-certificate-intake.yaml",
                "connectors/dsj-e-certificates.yaml", "connectors/fgw-investment-projects.yaml",
                "connectors/finance-collaboration.yaml", "connectors/ghzy-approval.yaml",
                "connectors/ghzy-real-estate.yaml", "connectors/gjj-business.yaml",
                "connectors/gjj-housing-fund.yaml", "connectors/gongan-approval.yaml",
                "connectors/gongan-household-exchange.yaml", "connectors/gongan-population.yaml",
                "connectors/jw-services.yaml", "connectors/jw-student-status.yaml",
                "connectors/mz-civil-affairs.yaml", "connectors/mz-exchange.yaml",
                "connectors/rlsb-business.yaml", "connectors/rlsb-card-approval.yaml",
                "connectors/rlsb-social-insurance.yaml", "connectors/scjg-approval.yaml",
                "connectors/scjg-enterprise-registry.yaml", "connectors/swj-tax-exchange.yaml",
                "connectors/swj-taxpayers.yaml", "connectors/utilities-transfer.yaml",
                "connectors/weijian-approval.yaml", "connectors/weijian-birth-records.yaml",
                "connectors/ybj-enrolment.yaml", "connectors/ybj-insured-persons.yaml",
                "connectors/ykb-unified-approval.yaml", "connectors/zfcxjw-approval.yaml");
        assertThat(catalog.entries()).filteredOn(e -> e.definition().isSource())
                .extracting(e -> e.definition().id())
                .containsExactly("cqsw-water-accounts", "dsj-e-certificates", "fgw-investment-projects", "ghzy-real-estate", "gjj-housing-fund", "gongan-population", "jw-student-status", "mz-civil-affairs", "rlsb-social-insurance", "scjg-enterprise-registry", "swj-taxpayers", "weijian-birth-records", "ybj-insured-persons");
        assertThat(catalog.dataset("gongan-population", "person")).get()
                .extracting(DatasetDefinition::key).isEqualTo(SubjectKeyKind.ID_NUMBER);
        assertThat(catalog.dataset("weijian-approval", "person")).as("a target has no datasets").isEmpty();
    }

    @Test
    void theBaseFilesUsedBelowAreValid() throws IOException {
        for (String yaml : new String[] {JDBC_SOURCE, HTTP_TARGET, KAFKA_SOURCE}) {
            assertThat(load(yaml).find("dept-db")).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc without url        | '  url: jdbc:postgresql://localhost/dept' | ''                       | jdbc.url: is required
            unknown kind            | 'kind: jdbc'                              | 'kind: ftp'              | kind: must be http, jdbc, kafka or route; found 'ftp'
            unknown key kind        | 'key: idNumber'                           | 'key: passport'          | datasets.birth.key: must be idNumber or creditCode; found 'passport'
            id not file name        | 'id: dept-db'                             | 'id: dept-database'      | id: must equal the file name 'dept-db'
            missing department      | 'department: 市卫生健康委'                | 'department: '           | department: has no value
            no dataset key          | '    key: idNumber'                       | '    title: 分娩记录'     | datasets.birth.key: is required
            wrong type              | '  username: hub'                         | '  maximumPoolSize: many' | jdbc.maximumPoolSize: string found, integer expected; found 'many'
            """)
    void brokenJdbcSourceNamesFileAndPath(String why, String original, String broken, String expected) throws IOException {
        assertThat(loadError(edit(JDBC_SOURCE, original, broken))).isEqualTo("connectors/dept-db.yaml: " + expected);
    }

    @Test
    void jdbcQueryMustUseTheKeyParameterNotConcatenation() throws IOException {
        String yaml = edit(JDBC_SOURCE, "= :?key", "= '\" || key || \"'");
        assertThat(loadError(yaml)).isEqualTo("connectors/dept-db.yaml: datasets.birth.query: "
                + "must bind the key as :?key, never concatenate it into the SQL; found 'select baby_gender from birth_record where mother_id_number …'");
    }

    @Test
    void jdbcConnectorWithoutItsBlock() throws IOException {
        String yaml = JDBC_SOURCE.replace("jdbc:\n  url: jdbc:postgresql://localhost/dept\n  username: hub\n", "");
        assertThat(loadError(yaml)).isEqualTo("connectors/dept-db.yaml: jdbc: is required for kind jdbc");
    }

    @Test
    void sourceWithoutDatasets() throws IOException {
        String yaml = JDBC_SOURCE.substring(0, JDBC_SOURCE.indexOf("datasets:"));
        assertThat(loadError(yaml)).isEqualTo("connectors/dept-db.yaml: datasets: a source must declare at least one dataset");
    }

    @Test
    void emptyDatasetAndDatasetWithoutFields() throws IOException {
        assertThat(loadError(JDBC_SOURCE + "  empty:\n")).isEqualTo("connectors/dept-db.yaml: datasets.empty: has no value");
        String noFields = JDBC_SOURCE.substring(0, JDBC_SOURCE.indexOf("    fields:"));
        assertThat(loadError(noFields)).isEqualTo("connectors/dept-db.yaml: datasets.birth.fields: is required");
    }

    @Test
    void missingKindAndRoleAreBothReported() throws IOException {
        String yaml = JDBC_SOURCE.replace("kind: jdbc\n", "").replace("role: source\n", "");
        assertThat(loadError(yaml)).isEqualTo("""
                connectors/dept-db.yaml: kind: is required
                connectors/dept-db.yaml: role: is required""");
    }

    @Test
    void httpSourceDatasetPathMustCarryTheKey() throws IOException {
        String yaml = """
                id: dept-db
                department: 市公安局
                kind: http
                role: source
                http: { baseUrl: http://localhost/population }
                datasets:
                  person: { key: idNumber, path: /persons, fields: { name: 姓名 } }
                """;
        assertThat(loadError(yaml)).isEqualTo("connectors/dept-db.yaml: datasets.person.path: must contain the placeholder {key}; found '/persons'");
    }

    @Test
    void kafkaSourceDatasetNeedsTopicAndKeyField() throws IOException {
        String yaml = KAFKA_SOURCE.replace("    topic: ybj.insured-persons\n", "").replace("    keyField: idNumber\n", "");
        assertThat(loadError(yaml)).isEqualTo("""
                connectors/dept-db.yaml: datasets.insured.topic: is required
                connectors/dept-db.yaml: datasets.insured.keyField: is required""");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http target without path | '  path: /card-applications'  | ''                               | http.path: is required
            http target without url  | '  baseUrl: http://localhost/card' | ''                           | http.baseUrl: is required
            block of another kind    | 'role: target'                 | 'role: target\\nkafka: { topic: t }' | kafka: does not belong to a connector of kind http
            target with datasets     | 'role: target'                 | 'role: target\\ndatasets: { d: { key: idNumber } }' | datasets: a target has no datasets
            unknown property         | '  baseUrl:'                   | '  baseurl:'                     | http.baseurl: unknown property 'baseurl'; did you mean 'baseUrl'? ⏎ connectors/dept-db.yaml: http.baseUrl: is required
            """)
    void brokenHttpTargetNamesFileAndPath(String why, String original, String broken, String expected) throws IOException {
        assertThat(loadError(edit(HTTP_TARGET, original, broken.replace("\\n", "\n"))))
                .isEqualTo("connectors/dept-db.yaml: " + expected.replace(" ⏎ ", "\n"));   // ⏎: the next problem
    }

    @Test
    void jdbcTargetInsertMustStoreTheIdempotencyKey() throws IOException {
        String yaml = """
                id: dept-db
                department: 市公安局
                kind: jdbc
                role: target
                jdbc: { url: jdbc:postgresql://localhost/x, insert: "insert into t (record) values (:?record)" }
                """;
        assertThat(loadError(yaml))
                .isEqualTo("connectors/dept-db.yaml: jdbc.insert: must store the parameter :?idempotencyKey; found 'insert into t (record) values (:?record)'");
    }

    @Test
    void kafkaTargetNeedsItsTopic() throws IOException {
        String yaml = "id: dept-db\ndepartment: 市医保局\nkind: kafka\nrole: target\n";
        assertThat(loadError(yaml)).isEqualTo("connectors/dept-db.yaml: kafka: is required for a kafka target");
        assertThat(loadError(yaml + "kafka: { brokers: localhost:9092 }\n"))
                .isEqualTo("connectors/dept-db.yaml: kafka.topic: is required for a kafka target");
    }

    private static String edit(String yaml, String original, String broken) {
        assertThat(yaml).as("base file contains %s", original).contains(original);
        return yaml.replace(original, broken);
    }

    private ConnectorCatalog load(String yaml) throws IOException {
        Files.createDirectories(temp.resolve("connectors"));
        Files.writeString(temp.resolve("connectors/dept-db.yaml"), yaml);
        return ConnectorCatalog.load(temp, temp.resolve("connectors"));
    }

    /** The problems as {@code file: path: message}, each placed at its line and column (BundleCompilerTest shows how). */
    private String loadError(String yaml) {
        ConfigFileException e = assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> load(yaml)).actual();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.position()).as("placed in its file").isNotNull());
        return String.join("\n", e.problems().stream().map(p -> p.file() + ": " + p.pathAndMessage()).toList());
    }
}
