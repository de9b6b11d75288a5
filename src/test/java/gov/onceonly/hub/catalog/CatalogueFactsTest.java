package gov.onceonly.hub.catalog;

import gov.onceonly.hub.connector.ConnectorCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the 2023 list (src/test/resources/catalogue-2023.tsv, transcribed from the policy's attachment)
 * against its mapping: none missing, none extra, every fact as the list says it.
 */
class CatalogueFactsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** One row of the list, in the list's own words. */
    record Row(String batch, int sequence, String bundle, String type, String stage, String name, String leadDepartment,
               List<String> coLeadDepartments, String completion) {

        @Override
        public String toString() {
            return batch + " " + sequence + " " + name;
        }
    }

    private static BundleCatalog catalog;

    @BeforeAll
    static void loadTheRealFiles() {
        catalog = BundleCatalog.load(ROOT, ROOT.resolve("mappings"), ConnectorCatalog.load(ROOT, ROOT.resolve("connectors")));
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = CatalogueFactsTest.class.getResourceAsStream("/catalogue-2023.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            assertThat(lines.get(0)).isEqualTo("batch\tsequence\tbundle\ttype\tstage\tname\tleadDepartment\tcoLeadDepartments\tcompletion");
            return lines.stream().skip(1).map(line -> {
                String[] c = line.split("\t", -1);
                List<String> coLeads = c[7].isEmpty() ? List.of() : Arrays.asList(c[7].split("、"));
                return new Row(c[0], Integer.parseInt(c[1]), c[2], c[3], c[4], c[5], c[6], coLeads, c[8]);
            }).toList();
        }
    }

    @Test
    void theListHasFiftyBundlesThirteenToUpgradeAndThirtySevenToSpeedUp() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSize(50);
        Map<String, Long> perBatch = rows.stream().collect(Collectors.groupingBy(Row::batch, Collectors.counting()));
        assertThat(perBatch).containsOnly(Map.entry("优化提升", 13L), Map.entry("加快实施", 37L));
        for (String batch : perBatch.keySet()) {
            assertThat(rows.stream().filter(r -> r.batch().equals(batch)).map(Row::sequence))
                    .as("sequence numbers of %s", batch).containsExactlyElementsOf(
                            java.util.stream.IntStream.rangeClosed(1, perBatch.get(batch).intValue()).boxed().toList());
        }
    }

    @Test
    void everyMappingIsARowOfTheList() throws IOException {
        assertThat(catalog.all()).extracting(CompiledBundle::id)
                .containsExactlyInAnyOrderElementsOf(rows().stream().map(Row::bundle).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void mappingCarriesTheListsFacts(Row row) {
        BundleDefinition bundle = catalog.find(row.bundle()).orElseThrow(() ->
                new AssertionError("no mappings/" + row.bundle() + ".yaml for " + row)).definition();
        assertThat(bundle.name()).isEqualTo(row.name());
        assertThat(bundle.type()).isEqualTo(Map.of("个人", BundleType.PERSONAL, "企业", BundleType.ENTERPRISE).get(row.type()));
        assertThat(bundle.stage()).isEqualTo(row.stage());
        assertThat(bundle.leadDepartment()).isEqualTo(row.leadDepartment());
        assertThat(bundle.coLeadDepartments()).isEqualTo(row.coLeadDepartments());
        assertThat(bundle.batch()).isEqualTo(row.batch());
        assertThat(bundle.sequence()).isEqualTo(row.sequence());
        assertThat(bundle.completionMonth()).isEqualTo(month(row.completion()));
    }

    @Test
    void personalBundlesKeyOnTheIdNumberAndEnterpriseBundlesOnTheCreditCode() throws IOException {
        Map<String, Row> byId = rows().stream().collect(Collectors.toMap(Row::bundle, Function.identity()));
        catalog.all().forEach(bundle -> assertThat(bundle.subjectKey().yamlName()).as(bundle.id())
                .isEqualTo("个人".equals(byId.get(bundle.id()).type()) ? "idNumber" : "creditCode"));
    }

    /** "2023年5月" as the list writes it, "2023-05" as the mapping does. */
    private static String month(String listed) {
        Matcher m = Pattern.compile("(\\d{4})年(\\d{1,2})月").matcher(listed);
        assertThat(m.matches()).as("completion %s", listed).isTrue();
        return m.group(1) + "-" + String.format("%02d", Integer.parseInt(m.group(2)));
    }
}
