package gov.onceonly.hub.lint;

import gov.onceonly.hub.schema.ConfigSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lint finds one seeded mistake per check, at the right file and line. Each case starts from a small valid
 * configuration (two connectors, one bundle, the shipped http route templates) and breaks one thing.
 */
public class ConfigLintTest {

    private static ConfigLint lint;

    @TempDir
    Path root;

    public static final String REGISTRY = """
            # yaml-language-server: $schema=../schemas/connector.json
            id: dept-registry
            department: 市某局
            system: 登记系统
            kind: http
            role: source
            http:
              baseUrl: http://localhost/registry
            datasets:
              person:
                title: 人员
                key: idNumber
                path: /persons/{key}
                fields:
                  name: 姓名
                  address: 地址
            """;
    public static final String APPROVAL = """
            # yaml-language-server: $schema=../schemas/connector.json
            id: dept-approval
            department: 市某局
            kind: http
            role: target
            http:
              baseUrl: http://localhost/approval
              path: /applications
            """;
    public static final String SAMPLE = """
            # yaml-language-server: $schema=../schemas/mapping.json
            id: sample
            name: 示例
            type: personal
            stage: 出生阶段
            leadDepartment: 市某局
            batch: 优化提升
            sequence: 1
            completionMonth: 2023-05
            form:
              phone:
                title: 电话
                example: "13800138000"
            items:
              - id: first
                name: 第一项
                department: 市某局
                target: dept-approval
                demands:
                  name: { from: dept-registry/person.name }
                  address: { from: dept-registry/person.address }
                  phone: { from: form.phone }
            """;

    @BeforeAll
    static void loadSchemas() {
        lint = new ConfigLint(ConfigSchemas.shared());
    }

    @Test
    void theBaseConfigurationIsClean() throws IOException {
        LintReport report = lint(Map.of());
        assertThat(report.findings()).isEmpty();
        assertThat(report.unusedFields()).isEmpty();
    }

    @Test
    void theShippedConfigurationIsClean() {
        LintReport report = lint.check(Path.of("."));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aCalendarDayWorkedThatIsNotAWeekendDay() throws IOException {
        String calendar = """
                year: 2026
                holidays:
                  - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
                workingWeekends:
                  - { name: 元旦调休, date: 2026-01-05 }
                """;
        assertOne(lint(Map.of("calendar/2026.yaml", calendar)), "calendar/2026.yaml", 5,
                "workingWeekends[0].date: must be a Saturday or a Sunday");
    }

    @Test
    void yamlThatDoesNotParseGivesItsLineAndColumn() throws IOException {
        String broken = SAMPLE.replace("stage: 出生阶段", "stage: 出生阶段\n\tbad: tab");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "\tbad"), "not valid YAML");
    }

    @Test
    void aConnectorPropertyTheSchemaDoesNotKnow() throws IOException {
        String broken = REGISTRY.replace("  baseUrl:", "  baseUrll:");
        // The misspelt key and the key it leaves missing; the mapping that demands from this connector does not
        // repeat them as "unknown connector".
        LintReport report = lint(Map.of("connectors/dept-registry.yaml", broken));
        assertThat(report.findings()).hasSize(2);
        assertAt(report.findings().get(0), "connectors/dept-registry.yaml", line(broken, "http:"), "http.baseUrl: is required");
        assertAt(report.findings().get(1), "connectors/dept-registry.yaml", line(broken, "baseUrll"),
                "unknown property 'baseUrll'; did you mean 'baseUrl'?");
    }

    @Test
    void aMappingValueOutsideItsEnumeration() throws IOException {
        String broken = SAMPLE.replace("type: personal", "type: persnal");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "type: persnal"), "type");
    }

    @Test
    void aRouteStepCamelDoesNotKnow() throws IOException {
        String route = """
                - route:
                    id: odd-route
                    from:
                      uri: direct:odd
                      steps:
                        - log: "hello"
                        - settBody:
                            constant: x
                """;
        assertOne(lint(Map.of("routes/odd.yaml", route)), "routes/odd.yaml", line(route, "settBody"), "settBody");
    }

    @Test
    void aDemandedFieldTheDatasetDoesNotHave() throws IOException {
        String broken = SAMPLE.replace("person.name }", "person.fullName }");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "fullName"),
                "unknown dataset field 'person.fullName'");
    }

    @Test
    void anItemThatWaitsForAnItemTheBundleDoesNotHave() throws IOException {
        String broken = firstItemWith("waitsFor: { second: done }");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "second: done"),
                "unknown item 'second'");
    }

    @Test
    void itemsThatWaitForEachOtherInACycle() throws IOException {
        String broken = firstItemWith("waitsFor: { second: accepted }") + secondItemAfterFirst("name: { from: dept-registry/person.name }");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "second: accepted"),
                "items wait for each other in a cycle, so none of them would ever go out: first → second → first");
    }

    @Test
    void anOutputNoItemDeclares() throws IOException {
        String broken = SAMPLE + secondItemAfterFirst("decisionNo: { from: output.first.decisionNo }");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "output.first"),
                "item 'first' declares no output 'decisionNo'; declare it under that item's outputs");
    }

    @Test
    void aConditionOnAFieldThatDoesNotExist() throws IOException {
        String broken = firstItemWith("when: { field: form.pet, present: true }");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "form.pet"),
                "unknown form field 'pet'");
    }

    @Test
    void aTargetThatDoesNotExist() throws IOException {
        String broken = SAMPLE.replace("target: dept-approval", "target: dept-aproval");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "dept-aproval"),
                "unknown connector 'dept-aproval'");
    }

    @Test
    void aRouteTemplateThatDoesNotExist() throws IOException {
        String odd = REGISTRY.replace("kind: http", "kind: route").replace("http:\n  baseUrl: http://localhost/registry",
                "route:\n  template: csv-nowhere");
        assertOne(lint(Map.of("connectors/dept-registry.yaml", odd)), "connectors/dept-registry.yaml",
                line(odd, "template: csv-nowhere"), "unknown route template 'csv-nowhere'");
    }

    @Test
    void aCustomTemplateThatDoesNotAnswerWhereTheHubCalls() throws IOException {
        String odd = REGISTRY.replace("kind: http", "kind: route").replace("http:\n  baseUrl: http://localhost/registry",
                "route:\n  template: odd-source");
        String template = """
                - routeTemplate:
                    id: odd-source
                    parameters:
                      - name: connectorId
                    route:
                      from:
                        uri: "direct:lookup-{{connectorId}}"
                        steps:
                          - setBody:
                              constant: ""
                """;
        assertOne(lint(Map.of("connectors/dept-registry.yaml", odd, "routes/odd.yaml", template)),
                "connectors/dept-registry.yaml", line(odd, "template: odd-source"), "must start from 'direct:source-{{connectorId}}'");
    }

    @Test
    void twoRoutesWithOneId() throws IOException {
        String twice = """
                - route:
                    id: twin
                    from: { uri: "direct:a", steps: [ { log: "a" } ] }
                - route:
                    id: twin
                    from: { uri: "direct:b", steps: [ { log: "b" } ] }
                """;
        LintReport report = lint(Map.of("routes/twins.yaml", twice));
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("routes/twins.yaml");
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message()).contains("id 'twin' is already used");
        });
    }

    @Test
    void aFormFieldNoItemDemands() throws IOException {
        String broken = SAMPLE.replace("form:\n", "form:\n  pet:\n    title: 宠物\n");
        assertOne(lint(Map.of("mappings/sample.yaml", broken)), "mappings/sample.yaml", line(broken, "pet:"),
                "no item demands this field");
    }

    @Test
    void aDatasetFieldNoBundleDemands() throws IOException {
        String extra = REGISTRY.replace("      address: 地址", "      address: 地址\n      income: 收入");
        LintReport report = lint(Map.of("connectors/dept-registry.yaml", extra));
        assertThat(report.findings()).isEmpty();
        assertThat(report.unusedFields()).singleElement().satisfies(f ->
                assertAt(f, "connectors/dept-registry.yaml", line(extra, "income:"), "the source is asked for data no item needs"));
    }

    @Test
    void aDatasetFieldReadOnlyByAConditionIsNeeded() throws IOException {
        String extra = REGISTRY.replace("      address: 地址", "      address: 地址\n      income: 收入");
        String switched = firstItemWith("when: { field: dept-registry/person.income, greaterThan: 0 }");
        LintReport report = lint(Map.of("connectors/dept-registry.yaml", extra, "mappings/sample.yaml", switched));
        assertThat(report.findings()).isEmpty();
        assertThat(report.unusedFields()).isEmpty();
    }

    @Test
    void twoSourcesOfOneFieldWithoutPrecedence() throws IOException {
        String other = REGISTRY.replace("dept-registry", "dept-civil").replace("  person:", "  resident:");
        String twoItems = SAMPLE + """
                  - id: second
                    name: 第二项
                    department: 市某局
                    target: dept-approval
                    demands:
                      address: { from: dept-civil/resident.address }
                """;
        LintReport report = lint(Map.of("connectors/dept-civil.yaml", other, "mappings/sample.yaml", twoItems));
        assertThat(report.errors()).isEmpty();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(LintFinding.Severity.WARNING);
            assertAt(f, "mappings/sample.yaml", line(twoItems, "address: { from: dept-registry"), "no precedence is stated");
        });

        String settled = twoItems
                .replace("address: { from: dept-registry/person.address }",
                        "address: { from: dept-registry/person.address, fallback: [dept-civil/resident.address] }")
                .replace("address: { from: dept-civil/resident.address }",
                        "address: { from: dept-civil/resident.address, prefer: own }");
        assertThat(lint(Map.of("connectors/dept-civil.yaml", other, "mappings/sample.yaml", settled)).findings()).isEmpty();
    }

    @Test
    void aFileWithoutItsSchemaLine() throws IOException {
        String bare = APPROVAL.substring(APPROVAL.indexOf('\n') + 1);
        LintReport report = lint(Map.of("connectors/dept-approval.yaml", bare));
        assertThat(report.errors()).isEmpty();
        assertOne(report, "connectors/dept-approval.yaml", 1, "$schema=../schemas/connector.json");
    }

    @Test
    void aDuplicateKeyIsAnError() throws IOException {
        String twice = SAMPLE.replace("stage: 出生阶段", "stage: 出生阶段\nstage: 婚育阶段");
        assertOne(lint(Map.of("mappings/sample.yaml", twice)), "mappings/sample.yaml", line(twice, "stage: 婚育阶段"), "stage");
    }

    @Test
    void aMisspeltKeyIsReportedWithTheKeysItLeavesMissing() throws IOException {
        String broken = APPROVAL.replace("  baseUrl:", "  baseurl:").replace("  path: /applications\n", "");
        LintReport report = lint(Map.of("connectors/dept-approval.yaml", broken));
        assertThat(report.findings()).extracting(LintFinding::toString).containsExactly(
                "connectors/dept-approval.yaml:6:1: error: http.baseUrl: is required",
                "connectors/dept-approval.yaml:6:1: error: http.path: is required",
                "connectors/dept-approval.yaml:7:3: error: http.baseurl: unknown property 'baseurl'; did you mean 'baseUrl'?");
    }

    @Test
    void everyMistakeOfEveryFileInOneRun() throws IOException {
        String connector = REGISTRY.replace("kind: http", "kind: htp").replace("key: idNumber", "key: passport");
        String mapping = SAMPLE.replace("batch: 优化提升", "batch: 第三批").replace("target: dept-approval", "target: dept-aproval")
                .replace("person.address }", "person.adress }").replace("form.phone }", "form.phnoe }");
        String approval = APPROVAL.replace("  baseUrl:", "  baseurl:");
        LintReport report = lint(Map.of("connectors/dept-registry.yaml", connector, "mappings/sample.yaml", mapping,
                "connectors/dept-approval.yaml", approval));
        assertThat(report.findings()).extracting(LintFinding::toString).containsExactly(
                "connectors/dept-approval.yaml:6:1: error: http.baseUrl: is required",
                "connectors/dept-approval.yaml:7:3: error: http.baseurl: unknown property 'baseurl'; did you mean 'baseUrl'?",
                "connectors/dept-registry.yaml:5:7: error: kind: must be http, jdbc, kafka or route; found 'htp'; did you mean 'http'?",
                "connectors/dept-registry.yaml:12:10: error: datasets.person.key: must be idNumber or creditCode; found 'passport'",
                "mappings/sample.yaml:7:8: error: batch: must be one of 优化提升, 加快实施 (the two batches of the list); found '第三批'",
                // dept-approval is refused by its schema, so the catalogue has no target to suggest
                "mappings/sample.yaml:18:13: error: items[0].target: unknown connector 'dept-aproval'",
                "mappings/sample.yaml:22:22: error: items[0].demands.phone.from: unknown form field 'phnoe'; did you mean 'phone'?");
    }

    @Test
    void aMappingTheSchemaRefusesStillHasItsReferencesChecked() throws IOException {
        String mapping = SAMPLE.replace("batch: 优化提升", "batch: 第三批").replace("target: dept-approval", "target: dept-aproval")
                .replace("person.address }", "person.adress }").replace("name: 第一项", "name: 第一项\n    nmae: x");
        LintReport report = lint(Map.of("mappings/sample.yaml", mapping));
        assertThat(report.findings()).extracting(LintFinding::toString).containsExactly(
                "mappings/sample.yaml:7:8: error: batch: must be one of 优化提升, 加快实施 (the two batches of the list); found '第三批'",
                "mappings/sample.yaml:17:5: error: items[0].nmae: unknown property 'nmae'; did you mean 'name'?",
                "mappings/sample.yaml:19:13: error: items[0].target: unknown connector 'dept-aproval'; did you mean 'dept-approval'?",
                "mappings/sample.yaml:22:24: error: items[0].demands.address.from: unknown dataset field 'person.adress'; "
                        + "did you mean 'person.address'?");
    }

    @Test
    void aMisspeltDatasetOrFieldGetsTheNameItProbablyMeant() throws IOException {
        String field = SAMPLE.replace("person.name }", "persn.name }");
        assertOne(lint(Map.of("mappings/sample.yaml", field)), "mappings/sample.yaml", line(field, "persn"),
                "unknown dataset field 'persn.name'; did you mean 'person.name'?");
        String unrelated = SAMPLE.replace("person.name }", "person.income }");
        assertThat(lint(Map.of("mappings/sample.yaml", unrelated)).findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("unknown dataset field 'person.income'"));
    }

    private LintReport lint(Map<String, String> overrides) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("connectors/dept-registry.yaml", REGISTRY);
        files.put("connectors/dept-approval.yaml", APPROVAL);
        files.put("mappings/sample.yaml", SAMPLE);
        files.put("routes/source-http.yaml", Files.readString(Path.of("routes/source-http.yaml")));
        files.put("routes/target-http.yaml", Files.readString(Path.of("routes/target-http.yaml")));
        files.putAll(overrides);
        for (var file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return lint.check(root);
    }

    private static void assertOne(LintReport report, String file, int line, String fragment) {
        assertThat(report.findings()).as(report.findings().toString()).singleElement().satisfies(f -> assertAt(f, file, line, fragment));
    }

    private static void assertAt(LintFinding finding, String file, int line, String fragment) {
        assertThat(finding.file()).isEqualTo(file);
        assertThat(finding.line()).as(finding.toString()).isEqualTo(line);
        assertThat(finding.message()).contains(fragment);
    }

    /** A second item, which waits for the first to be done, with one demand. */
    private static String secondItemAfterFirst(String demand) {
        return """
                  - id: second
                    name: 第二项
                    department: 市某局
                    target: dept-approval
                    waitsFor: { first: done }
                    demands:
                """ + "      " + demand + "\n";
    }

    /** SAMPLE with one more line in its first item, after its target. */
    private static String firstItemWith(String line) {
        return SAMPLE.replace("    target: dept-approval\n", "    target: dept-approval\n    " + line + "\n");
    }

    /** The one-based line of the first line containing {@code fragment}. */
    private static int line(String content, String fragment) {
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }
}
