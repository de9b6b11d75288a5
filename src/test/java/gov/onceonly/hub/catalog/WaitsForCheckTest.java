package gov.onceonly.hub.catalog;

import gov.onceonly.hub.application.Milestone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The business-collaboration order in a mapping ({@code waitsFor}), as the bundle compiler reads and checks it. */
class WaitsForCheckTest {

    /** Three items: the certificate first, the household registration and the card after it. */
    private static final String ORDERED = MappingFixture.FACTS + """
            form:
              babyName: { title: 新生儿姓名 }
            items:
            """ + MappingFixture.CERTIFICATE_ITEM + """
              - id: household-registration
                name: 户口登记
                department: 市公安局
                target: gongan-household-exchange
                waitsFor: { birth-certificate: done }
                demands:
                  babyName: { from: form.babyName }
              - id: social-security-card
                name: 社会保障卡申领
                department: 市人力社保局
                target: rlsb-card-approval
                waitsFor: { birth-certificate: accepted, household-registration: delivered }
                demands:
                  babyName: { from: form.babyName }
            """;

    @TempDir
    Path temp;

    @Test
    void theOrderIsCompiledWithItsMilestones() throws IOException {
        CompiledBundle bundle = load(ORDERED);
        assertThat(bundle.item("birth-certificate").orElseThrow().waitsFor()).isEmpty();
        assertThat(bundle.item("household-registration").orElseThrow().waitsFor())
                .isEqualTo(Map.of("birth-certificate", Milestone.DONE));
        assertThat(bundle.item("social-security-card").orElseThrow().waitsFor()).containsExactly(
                Map.entry("birth-certificate", Milestone.ACCEPTED), Map.entry("household-registration", Milestone.DELIVERED));
    }

    @Test
    void anUnknownItemIsNamedWithTheItemsThereAre() {
        assertThat(loadError(ORDERED.replace("{ birth-certificate: done }", "{ birth-certificat: done }"))).isEqualTo(
                "mappings/newborn.yaml: items[1].waitsFor.birth-certificat: unknown item 'birth-certificat'; the items of "
                        + "this bundle are [birth-certificate, household-registration, social-security-card]");
    }

    @Test
    void anItemCannotWaitForItself() {
        assertThat(loadError(ORDERED.replace("{ birth-certificate: done }", "{ household-registration: done }")))
                .isEqualTo("mappings/newborn.yaml: items[1].waitsFor.household-registration: an item cannot wait for itself");
    }

    @Test
    void aCycleIsRejectedWithItsPath() {
        String cycle = ORDERED.replace("""
                    target: weijian-approval
                """, """
                    target: weijian-approval
                    waitsFor: { social-security-card: done }
                """);
        assertThat(cycle).isNotEqualTo(ORDERED);
        assertThat(loadError(cycle)).isEqualTo("mappings/newborn.yaml: items[0].waitsFor: items wait for each other in a "
                + "cycle, so none of them would ever go out: birth-certificate → social-security-card → birth-certificate");
    }

    @Test
    void aMilestoneMustBeOneOfThree() {
        assertThat(loadError(ORDERED.replace("{ birth-certificate: done }", "{ birth-certificate: finished }")))
                .startsWith("mappings/newborn.yaml: items[1].waitsFor.birth-certificate: ")
                .endsWith("is not a milestone; expected one of delivered, accepted or done; found 'finished'");
        assertThat(loadError(ORDERED.replace("{ birth-certificate: done }", "{ birth-certificate: }")))
                .isEqualTo("mappings/newborn.yaml: items[1].waitsFor.birth-certificate: "
                        + "is not a milestone; expected one of delivered, accepted or done");
    }

    private CompiledBundle load(String yaml) throws IOException {
        return MappingFixture.newborn(temp, yaml);
    }

    private String loadError(String yaml) {
        return MappingFixture.loadError(temp, yaml);
    }
}
