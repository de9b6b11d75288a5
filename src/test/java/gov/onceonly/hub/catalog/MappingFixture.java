package gov.onceonly.hub.catalog;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.connector.ConnectorCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A newborn mapping written to a temporary configuration root and loaded as the hub loads it, with the real connectors. */
final class MappingFixture {

    /** The catalogue facts of a small newborn bundle; a test adds its form and items. */
    static final String FACTS = """
            id: newborn
            name: 新生儿出生
            type: personal
            stage: 出生阶段
            leadDepartment: 市卫生健康委
            batch: 优化提升
            sequence: 1
            completionMonth: 2023-05
            """;

    /** The newborn's first item, the certificate, demanding the form's babyName only; a test adds what it needs after. */
    static final String CERTIFICATE_ITEM = """
              - id: birth-certificate
                name: 出生医学证明
                department: 市卫生健康委
                target: weijian-approval
                demands:
                  babyName: { from: form.babyName }
            """;

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static ConnectorCatalog connectors;

    private MappingFixture() {
    }

    static synchronized ConnectorCatalog connectors() {
        if (connectors == null) {
            connectors = ConnectorCatalog.load(ROOT, ROOT.resolve("connectors"));
        }
        return connectors;
    }

    /** The catalogue of {@code root} after writing {@code yaml} as its mappings/newborn.yaml. */
    static BundleCatalog load(Path root, String yaml) throws IOException {
        Files.createDirectories(root.resolve("mappings"));
        Files.writeString(root.resolve("mappings/newborn.yaml"), yaml);
        return BundleCatalog.load(root, root.resolve("mappings"), connectors());
    }

    static CompiledBundle newborn(Path root, String yaml) throws IOException {
        return load(root, yaml).find("newborn").orElseThrow();
    }

    /**
     * The problems loading {@code yaml} gives, as {@code file: path: message}, one a line; each must be placed at its
     * line and column (BundleCompilerTest checks the startup message with them).
     */
    static String loadError(Path root, String yaml) {
        ConfigFileException e = assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> load(root, yaml)).actual();
        org.assertj.core.api.Assertions.assertThat(e.problems())
                .allSatisfy(p -> org.assertj.core.api.Assertions.assertThat(p.position()).as("placed in its file").isNotNull());
        return String.join("\n", e.problems().stream().map(p -> p.file() + ": " + p.pathAndMessage()).toList());
    }
}
