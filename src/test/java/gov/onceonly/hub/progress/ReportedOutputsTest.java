package gov.onceonly.hub.progress;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportedOutputsTest {

    private static final Map<String, String> DECLARED = Map.of("creditCode", "^[0-9A-Z]{18}$", "licenceNumber", "",
            ReportedOutputs.CERTIFICATE_NO, "");

    @Test
    void aDeclaredWellFormedOutputIsKeptAnyOtherIsRefusedWithWhy() {
        ReportedOutputs.Checked checked = ReportedOutputs.check(DECLARED, Map.of("creditCode", "91500000MA5U0001X1",
                "licenceNumber", "LN1", "favouriteColour", "blue"), null);
        assertThat(checked.kept()).containsOnlyKeys("creditCode", "licenceNumber");
        assertThat(checked.refused()).containsOnlyKeys("favouriteColour");
        assertThat(checked.refused().get("favouriteColour")).startsWith("is not an output this item declares; it declares ");

        ReportedOutputs.Checked malformed = ReportedOutputs.check(DECLARED, Map.of("creditCode", "9150-0000"), null);
        assertThat(malformed.kept()).isEmpty();
        assertThat(malformed.refused()).containsEntry("creditCode", "does not match ^[0-9A-Z]{18}$");
    }

    @Test
    void theCertificateNumberIsADeclaredOutputWhenTheOutputsDoNotGiveIt() {
        assertThat(ReportedOutputs.check(DECLARED, Map.of(), "Q500000001").kept())
                .containsExactly(Map.entry(ReportedOutputs.CERTIFICATE_NO, "Q500000001"));
        assertThat(ReportedOutputs.check(Map.of(), Map.of(), "Q500000001").kept()).isEmpty();
        assertThat(ReportedOutputs.check(Map.of(), Map.of(), "Q500000001").refused()).isEmpty();
    }
}
