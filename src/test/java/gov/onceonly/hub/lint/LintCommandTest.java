package gov.onceonly.hub.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar hub.jar lint}: output an editor can jump from, and an exit code CI can gate on. */
class LintCommandTest {

    @TempDir
    Path root;

    @Test
    void theShippedConfigurationPasses() {
        Run run = run(List.of("."));
        assertThat(run.exit).as(run.out).isZero();
        assertThat(run.out).contains("0 error(s), 0 warning(s)");
    }

    @Test
    void anErrorPrintsFileLineColumnAndFails() throws IOException {
        for (String folder : List.of("connectors", "mappings", "routes")) {
            Files.createDirectories(root.resolve(folder));
        }
        Files.writeString(root.resolve("connectors/dept.yaml"), """
                # yaml-language-server: $schema=../schemas/connector.json
                id: dept
                department: 某局
                kind: http
                role: target
                http:
                  baseUrl: http://localhost
                  paht: /x
                """);
        Run run = run(List.of(root.toString()));
        assertThat(run.exit).isEqualTo(1);
        // The misspelt key and the one it leaves missing, in one run.
        assertThat(run.out).contains(root + "/connectors/dept.yaml:8:3: error: http.paht: unknown property 'paht'; "
                        + "did you mean 'path'?")
                .contains(root + "/connectors/dept.yaml:6:1: error: http.path: is required")
                .contains("2 error(s)");
    }

    @Test
    void productionFlagsEndpointsThatFallBackToTheSandboxOrTravelInClear() throws IOException {
        Run shipped = run(List.of("--production", "."));
        assertThat(shipped.exit).as("this machine sets no department address").isEqualTo(1);
        assertThat(shipped.out).contains("connectors/gongan-population.yaml:9:", "error: falls back to the sandbox "
                + "outside it: set GONGAN_POPULATION_URL");

        for (String folder : List.of("connectors", "mappings", "routes")) {
            Files.createDirectories(root.resolve(folder));
        }
        Files.writeString(root.resolve("connectors/dept.yaml"), """
                id: dept
                department: 市某局
                kind: http
                role: target
                http:
                  baseUrl: http://dept.gov.example/approval
                  path: /applications
                """);
        Files.copy(Path.of("routes/target-http.yaml"), root.resolve("routes/target-http.yaml"));
        Run inClear = run(List.of("--production", root.toString()));
        assertThat(inClear.exit).as(inClear.out).isEqualTo(1);
        assertThat(inClear.out).contains("connectors/dept.yaml:6:3: error: http://dept.gov.example/approval is plain "
                + "http: use https");
    }

        @Test
    void strictFailsOnWarningsAndBadUsageIsTwo() throws IOException {
        for (String folder : List.of("connectors", "mappings", "routes")) {
            Files.createDirectories(root.resolve(folder));
        }
        Files.writeString(root.resolve("connectors/dept.yaml"), """
                id: dept
                department: 某局
                kind: kafka
                role: target
                kafka: { topic: dept.records }
                """);
        Files.copy(Path.of("routes/target-kafka.yaml"), root.resolve("routes/target-kafka.yaml"));
        assertThat(run(List.of(root.toString())).exit).isZero();
        Run strict = run(List.of("--strict", root.toString()));
        assertThat(strict.exit).isEqualTo(1);
        assertThat(strict.out).contains("connectors/dept.yaml:1:1: warning:");
        assertThat(run(List.of("--bogus")).exit).isEqualTo(2);
        assertThat(run(List.of(root.resolve("missing").toString())).exit).isEqualTo(2);
    }

    private record Run(int exit, String out) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = LintCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
