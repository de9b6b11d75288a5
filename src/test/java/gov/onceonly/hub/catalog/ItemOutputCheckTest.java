package gov.onceonly.hub.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Outputs passed between items ({@code outputs}, {@code from: output.<item>.<output>}), as the compiler checks them. */
class ItemOutputCheckTest {

    /** The certificate's number, decided by 市卫生健康委, taken by the household registration that waits for it. */
    private static final String PASSED = MappingFixture.FACTS + """
            form:
              babyName: { title: 新生儿姓名 }
            items:
            """ + MappingFixture.CERTIFICATE_ITEM + """
                outputs:
                  certificateNo: { title: 出生医学证明编号, pattern: "^[A-Z][0-9]{9}$" }
              - id: household-registration
                name: 户口登记
                department: 市公安局
                target: gongan-household-exchange
                waitsFor: { birth-certificate: done }
                demands:
                  babyName: { from: form.babyName }
                  birthCertificateNo: { from: output.birth-certificate.certificateNo }
            """;

    @TempDir
    Path temp;

    @Test
    void anOutputIsDeclaredAndTakenWithoutJoiningTheFetchPlan() throws IOException {
        CompiledBundle bundle = MappingFixture.newborn(temp, PASSED);
        CompiledBundle.CompiledItem certificate = bundle.item("birth-certificate").orElseThrow();
        CompiledBundle.CompiledItem household = bundle.item("household-registration").orElseThrow();
        assertThat(certificate.outputs().get("certificateNo").pattern()).isEqualTo("^[A-Z][0-9]{9}$");
        assertThat(certificate.takesOutputs()).isFalse();
        assertThat(household.takesOutputs()).isTrue();
        assertThat(household.demands().get(1).origin()).isEqualTo(new Origin.ItemOutput("birth-certificate", "certificateNo"));
        assertThat(bundle.fetchPlan()).isEmpty();
    }

    @Test
    void anOutputOfAnUnknownItemIsNamedWithTheItemsThereAre() {
        assertThat(loadError(PASSED.replace("output.birth-certificate.", "output.birth-certificat."))).isEqualTo(
                "mappings/newborn.yaml: items[1].demands.birthCertificateNo.from: unknown item 'birth-certificat'; "
                        + "the items of this bundle are [birth-certificate, household-registration]");
    }

    @Test
    void anOutputNoItemDeclaresIsRejected() {
        assertThat(loadError(PASSED.replace(".certificateNo }", ".certificateNumber }"))).isEqualTo(
                "mappings/newborn.yaml: items[1].demands.birthCertificateNo.from: item 'birth-certificate' declares no "
                        + "output 'certificateNumber'; it declares [certificateNo]");
    }

    @Test
    void anItemThatTakesAnOutputMustWaitForItsItemToBeDone() {
        assertThat(loadError(PASSED.replace("{ birth-certificate: done }", "{ birth-certificate: accepted }"))).isEqualTo(
                "mappings/newborn.yaml: items[1].demands.birthCertificateNo.from: takes an output of item "
                        + "'birth-certificate', so this item must wait for it to be done (waitsFor: { birth-certificate: done })");
    }

    @Test
    void aConditionCannotLookAtAnOutput() {
        String yaml = PASSED.replace("    waitsFor: { birth-certificate: done }\n",
                "    waitsFor: { birth-certificate: done }\n    when: { field: output.birth-certificate.certificateNo, present: true }\n");
        assertThat(yaml).isNotEqualTo(PASSED);
        assertThat(loadError(yaml)).isEqualTo("mappings/newborn.yaml: items[1].when.field: a condition is decided when "
                + "the application is collected, before any item has an output; use a form answer or a source field");
    }

    @Test
    void anOutputOfAnItemThatMayNotApplyIsRejected() {
        String yaml = PASSED.replace("    target: weijian-approval\n",
                "    target: weijian-approval\n    when: { field: form.babyName, present: true }\n");
        assertThat(yaml).isNotEqualTo(PASSED);
        assertThat(loadError(yaml)).isEqualTo("mappings/newborn.yaml: items[1].demands.birthCertificateNo.from: takes an "
                + "output of item 'birth-certificate', which applies only in some cases; an item that does not apply "
                + "decides nothing, so take the value from a source or the form");
    }

    @Test
    void anOutputPatternMustCompile() {
        assertThat(loadError(PASSED.replace("^[A-Z][0-9]{9}$", "^[A-Z][0-9{9}$"))).startsWith(
                "mappings/newborn.yaml: items[0].outputs.certificateNo.pattern: is not a regular expression: ");
    }

    private String loadError(String yaml) {
        return MappingFixture.loadError(temp, yaml);
    }
}
