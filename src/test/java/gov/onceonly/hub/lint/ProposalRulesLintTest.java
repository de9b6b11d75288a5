package gov.onceonly.hub.lint;

import gov.onceonly.hub.schema.ConfigSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** proposals/ in the lint: a rule is checked against its schema and the bundles, each finding at its line. */
class ProposalRulesLintTest {

    private static final String STREAM = """
            # yaml-language-server: $schema=../schemas/connector.json
            id: dept-stream
            department: 市某局
            kind: kafka
            role: source
            datasets:
              event:
                title: 事件
                key: idNumber
                topic: dept.events
                keyField: idNumber
                fields:
                  idNumber: 身份证号
            """;
    private static final String RULE = """
            # yaml-language-server: $schema=../schemas/proposal.json
            id: sample-on-event
            bundle: sample
            stream: { dataset: dept-stream/event }
            subject: idNumber
            eventKey: [eventNo]
            form:
              phone: phoneNumber
            """;

    @TempDir
    Path root;

    @Test
    void aValidRuleIsClean() throws IOException {
        assertThat(lint(Map.of()).findings()).isEmpty();
    }

    @Test
    void anUnknownBundleIsAnErrorAtItsLine() throws IOException {
        String broken = RULE.replace("bundle: sample", "bundle: sampel");
        assertThat(lint(Map.of("proposals/sample-on-event.yaml", broken)).findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("proposals/sample-on-event.yaml");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("unknown bundle 'sampel'").contains("did you mean 'sample'");
        });
    }

    @Test
    void aFormFieldTheBundleDoesNotHaveAndAMissingSubjectAreErrors() throws IOException {
        String wrongField = RULE.replace("  phone: phoneNumber", "  phoen: phoneNumber");
        assertThat(lint(Map.of("proposals/sample-on-event.yaml", wrongField)).findings()).singleElement()
                .satisfies(f -> assertThat(f.toString()).contains(":8:").contains("form.phoen").contains("did you mean 'phone'"));
        String noSubject = RULE.replace("subject: idNumber\n", "");
        assertThat(lint(Map.of("proposals/sample-on-event.yaml", noSubject)).findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("subject"));
    }

    @Test
    void aStreamThatIsNoKafkaSourceIsAnError() throws IOException {
        String broken = RULE.replace("dept-stream/event", "dept-registry/person");
        assertThat(lint(Map.of("proposals/sample-on-event.yaml", broken)).findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.message()).contains("'dept-registry' is not a kafka source connector");
        });
    }

    private LintReport lint(Map<String, String> overrides) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("connectors/dept-registry.yaml", ConfigLintTest.REGISTRY);
        files.put("connectors/dept-approval.yaml", ConfigLintTest.APPROVAL);
        files.put("connectors/dept-stream.yaml", STREAM);
        files.put("mappings/sample.yaml", ConfigLintTest.SAMPLE);
        files.put("proposals/sample-on-event.yaml", RULE);
        for (String route : new String[] {"source-http", "target-http", "source-kafka"}) {
            files.put("routes/" + route + ".yaml", Files.readString(Path.of("routes/" + route + ".yaml")));
        }
        files.putAll(overrides);
        for (var file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return new ConfigLint(ConfigSchemas.shared()).check(root);
    }
}
