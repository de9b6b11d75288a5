package gov.onceonly.hub.catalog;

import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.DatasetDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Fill once": each bundle's form asks only what no source can provide. A form field may not share its name or its
 * title with a field of any dataset keyed like the bundle's applicant, and may not ask for an e-certificate.
 */
class FormSchemaTest {

    static List<String> bundles() {
        return RealCatalogue.bundleIds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void theFormAsksForNothingASourceCanProvide(String id) {
        CompiledBundle bundle = RealCatalogue.bundle(id);
        Map<String, Object> schema = FormSchema.of(bundle);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties.keySet()).containsExactlyElementsOf(bundle.definition().form().keySet());

        List<String> certificates = certificateTitles(RealCatalogue.CONNECTORS);
        for (Map.Entry<String, Map<String, Object>> property : properties.entrySet()) {
            String name = property.getKey();
            String title = (String) property.getValue().get("title");
            for (String provided : providedFields(bundle, RealCatalogue.CONNECTORS)) {
                String[] nameAndTitle = provided.split("\\|", 2);
                assertThat(name.equalsIgnoreCase(nameAndTitle[0]) || title.equals(nameAndTitle[1]))
                        .as("%s form.%s (%s) duplicates source field %s", id, name, title, provided).isFalse();
            }
            certificates.forEach(certificate -> assertThat(title).as("%s form.%s asks for an e-certificate", id, name)
                    .doesNotContain(certificate));
        }
    }

    @Test
    void theSchemaDescribesTypesRequiredFieldsAndExamples() {
        Map<String, Object> schema = FormSchema.of(RealCatalogue.bundle("employee-hiring"));
        assertThat(schema).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
                .containsEntry("type", "object").containsEntry("additionalProperties", false);
        assertThat(schema.get("required")).isEqualTo(List.of("employeeName", "employeeIdNumber", "position",
                "contractStart", "contractEnd", "monthlyWage"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties.get("contractStart")).containsEntry("type", "string").containsEntry("format", "date")
                .containsEntry("examples", List.of("2027-01-01"));
        assertThat(properties.get("monthlyWage")).containsEntry("type", "integer").containsEntry("title", "月工资（元）");
        assertThat(properties.get("employeeIdNumber")).containsEntry("pattern", FormSchema.ID_NUMBER_PATTERN);
        assertThat((String) properties.get("employeeName").get("title")).isEqualTo("职工姓名");
        assertThat(FormSchema.of(RealCatalogue.bundle("low-risk-construction-permit")))
                .extracting(s -> ((Map<?, ?>) ((Map<?, ?>) s.get("properties")).get("contractorCreditCode")).get("pattern"))
                .isEqualTo(FormSchema.CREDIT_CODE_PATTERN);
    }

    @Test
    void theCreditCodePatternAdmitsExactlyTheStandardsAlphabet() {
        assertThat("91350100M000100Y43").matches(FormSchema.CREDIT_CODE_PATTERN);
        assertThat("91350100M000100Y4I").doesNotMatch(FormSchema.CREDIT_CODE_PATTERN);
        assertThat("91350100M0001O0Y43").doesNotMatch(FormSchema.CREDIT_CODE_PATTERN);
        assertThat("11010519491231002X").matches(FormSchema.ID_NUMBER_PATTERN);
    }

    /** "name|title" of every field of every dataset keyed like the bundle's applicant. */
    private static List<String> providedFields(CompiledBundle bundle, ConnectorCatalog connectors) {
        List<String> provided = new ArrayList<>();
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            for (DatasetDefinition dataset : entry.definition().datasets().values()) {
                if (dataset.key() == bundle.subjectKey()) {
                    dataset.fields().forEach((name, title) -> provided.add(name + "|" + title));
                }
            }
        }
        return provided;
    }

    /** The certificates of the e-certificate library, as materials are named (居民身份证, 营业执照 ...). */
    static List<String> certificateTitles(ConnectorCatalog connectors) {
        ConnectorDefinition library = connectors.get("dsj-e-certificates");
        return library.datasets().values().stream().map(d -> ExemptMaterialsTest.material(d.title())).distinct().toList();
    }
}
