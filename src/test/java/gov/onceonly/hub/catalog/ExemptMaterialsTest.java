package gov.onceonly.hub.catalog;

import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 凡是本市政府部门核发的材料，一律免于提交: an item that pulls an e-certificate lists it as exempt material, and an
 * exempt e-certificate is one the item really pulls, never one it just claims: from the e-certificate library, or
 * straight from the system of the department that issues it (newborn takes the birth certificate's data from the
 * hospital records it is issued from, and the household register from the population registry).
 */
class ExemptMaterialsTest {

    static List<String> bundles() {
        return RealCatalogue.bundleIds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void pulledCertificatesAreExemptAndExemptCertificatesArePulled(String id) {
        List<String> certificates = FormSchemaTest.certificateTitles(RealCatalogue.CONNECTORS);
        for (CompiledItem item : RealCatalogue.bundle(id).items()) {
            Set<String> pulled = item.demands().stream().map(CompiledBundle.CompiledDemand::origin)
                    .filter(Origin.DatasetField.class::isInstance).map(Origin.DatasetField.class::cast)
                    .filter(f -> f.connector().equals("dsj-e-certificates"))
                    .map(f -> material(RealCatalogue.CONNECTORS.dataset(f.connector(), f.dataset()).orElseThrow().title()))
                    .collect(Collectors.toSet());
            assertThat(item.exemptMaterials()).as("%s/%s lists what it pulls", id, item.id()).containsAll(pulled);
            Set<String> fromIssuer = item.demands().stream().map(CompiledBundle.CompiledDemand::origin)
                    .filter(Origin.DatasetField.class::isInstance).map(Origin.DatasetField.class::cast)
                    .map(f -> RealCatalogue.CONNECTORS.get(f.connector()).department())
                    .flatMap(department -> ISSUERS.entrySet().stream().filter(e -> e.getValue().equals(department)))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            item.exemptMaterials().stream().filter(certificates::contains).forEach(certificate ->
                    assertThat(pulled.contains(certificate) || fromIssuer.contains(certificate))
                            .as("%s/%s pulls the %s it exempts", id, item.id(), certificate).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyBundleSparesTheApplicantSomeMaterial(String id) {
        assertThat(BundleViews.exemptMaterials(RealCatalogue.bundle(id))).isNotEmpty();
    }

    /** Who issues the certificates that items take from their issuer's own system rather than the library. */
    private static final Map<String, String> ISSUERS = Map.of(
            "居民户口簿", "市公安局", "居民身份证", "市公安局", "出生医学证明", "市卫生健康委", "营业执照", "市市场监管局");

    @org.junit.jupiter.api.Test
    void everyCertificateNamedAsIssuedByItsSystemIsInTheLibrary() {
        assertThat(FormSchemaTest.certificateTitles(RealCatalogue.CONNECTORS)).containsAll(ISSUERS.keySet());
    }

    /** A certificate dataset's title names the material; a qualifier in full-width brackets does not. */
    static String material(String title) {
        return title.replaceFirst("（[^）]*）$", "");
    }
}
