package gov.onceonly.hub.lint;

import gov.onceonly.hub.schema.ConfigSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** recommendations/ is linted like the other folders: its schema, then its references to the catalogue, at file:line. */
class RecommendationLintTest {

    @TempDir
    static Path root;

    static LintReport shipped;
    static LintReport broken;

    @BeforeAll
    static void lintTheShippedFilesAndABrokenCopy() throws IOException {
        ConfigLint lint = new ConfigLint(ConfigSchemas.shared());
        shipped = lint.check(Path.of("."));
        for (String folder : new String[] {"connectors", "mappings", "routes", "recommendations"}) {
            FileSystemUtils.copyRecursively(Path.of(folder), root.resolve(folder));
        }
        Path enterprise = root.resolve("recommendations/enterprise.yaml");
        Files.writeString(enterprise, Files.readString(enterprise)
                .replace("recommend: employee-hiring", "recommend: employee-hiring-typo")
                .replace("recommend: water-impact-assessment", "recommend: newborn")
                .replace("    maxYears: 1\n    reason: \"{after} was completed on {date}: the tax office",
                        "    minYears: 3\n    maxYears: 1\n    reason: \"{after} was completed on {date}: the tax office"));
        Files.writeString(root.resolve("recommendations/personal.yaml"), Files.readString(root.resolve("recommendations/personal.yaml"))
                .replace("score: 100\n    minYears: 5", "score: many\n    minYears: 5"));
        // A mapping with a mistake of its own, which the personal rules name (the add-a-department tutorial's typo).
        Path discharge = root.resolve("mappings/military-discharge.yaml");
        Files.writeString(discharge, Files.readString(discharge).replace("from: form.contactPhone", "from: form.contactPhon"));
        broken = lint.check(root);
    }

    @Test
    void theShippedRulesPass() {
        assertThat(shipped.errors()).filteredOn(f -> f.file().startsWith("recommendations/")).isEmpty();
        assertThat(shipped.findings()).filteredOn(f -> f.file().startsWith("recommendations/")).isEmpty();
    }

    @Test
    void anUnknownBundleABundleOfTheOtherTypeAndAnEmptyWindowAreErrorsAtTheirLines() throws IOException {
        String text = Files.readString(root.resolve("recommendations/enterprise.yaml"));
        assertThat(broken.errors()).filteredOn(f -> f.file().equals("recommendations/enterprise.yaml"))
                .extracting(LintFinding::line, LintFinding::message)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(lineOf(text, "employee-hiring-typo"),
                                "rules[0].recommend: unknown bundle 'employee-hiring-typo': mappings/ has no employee-hiring-typo.yaml"),
                        org.assertj.core.groups.Tuple.tuple(lineOf(text, "recommend: newborn"),
                                "rules[4].recommend: bundle 'newborn' is for personal applicants, not enterprise"),
                        org.assertj.core.groups.Tuple.tuple(lineOf(text, "minYears: 3") + 1,
                                "rules[7].maxYears: must be at least minYears (3)"));
    }

    @Test
    void aSchemaViolationIsAnErrorNamingItsPath() {
        assertThat(broken.errors()).filteredOn(f -> f.file().equals("recommendations/personal.yaml"))
                .anySatisfy(f -> assertThat(f.message()).startsWith("rules[0].score"));
    }

    @Test
    void aBundleWhoseMappingHasErrorsIsNotCalledUnknown() {
        assertThat(broken.errors()).filteredOn(f -> f.file().equals("mappings/military-discharge.yaml")).isNotEmpty();
        assertThat(broken.errors()).extracting(LintFinding::message)
                .noneMatch(m -> m.contains("unknown bundle 'military-discharge'"));
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }
}
