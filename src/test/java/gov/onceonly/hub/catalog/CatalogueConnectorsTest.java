package gov.onceonly.hub.catalog;

import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.ConnectorKind;
import gov.onceonly.hub.connector.ConnectorRole;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The department systems behind the 50 bundles: shared, not one per bundle, and every kind used at both ends. */
class CatalogueConnectorsTest {

    @Test
    void everyConnectorKindIsUsedAsASourceAndAsATarget() {
        Set<String> used = usedConnectors();
        for (ConnectorRole role : ConnectorRole.values()) {
            Set<ConnectorKind> kinds = EnumSet.noneOf(ConnectorKind.class);
            RealCatalogue.CONNECTORS.entries().stream().map(ConnectorCatalog.Entry::definition)
                    .filter(c -> c.role() == role && used.contains(c.id())).forEach(c -> kinds.add(c.kind()));
            // A custom route (kind route) is the escape hatch for an odd department; the shipped example is a source.
            Set<ConnectorKind> expected = role == ConnectorRole.SOURCE ? EnumSet.allOf(ConnectorKind.class)
                    : EnumSet.complementOf(EnumSet.of(ConnectorKind.ROUTE));
            assertThat(kinds).as("kinds used as %s", role).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void everyConnectorServesSomeBundleAndSourcesServeSeveral() {
        assertThat(usedConnectors()).containsExactlyInAnyOrderElementsOf(RealCatalogue.CONNECTORS.entries().stream()
                .map(e -> e.definition().id()).toList());
        Map<String, Long> bundlesPerSource = RealCatalogue.BUNDLES.all().stream()
                .flatMap(b -> b.fetchPlan().stream().map(DatasetFetch::connector).distinct())
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertThat(bundlesPerSource.get("gongan-population")).isGreaterThanOrEqualTo(20);
        assertThat(bundlesPerSource.get("scjg-enterprise-registry")).isEqualTo(26);
        assertThat(bundlesPerSource.get("dsj-e-certificates")).isGreaterThanOrEqualTo(30);
    }

    @Test
    void oneConnectorPerDepartmentSystem() {
        List<ConnectorDefinition> all = RealCatalogue.CONNECTORS.entries().stream().map(ConnectorCatalog.Entry::definition).toList();
        Set<String> systems = new HashSet<>();
        all.forEach(c -> assertThat(systems.add(c.department() + "/" + c.system() + "/" + c.role()))
                .as("%s is the only connector for %s %s", c.id(), c.department(), c.system()).isTrue());
        assertThat(all.size()).isBetween(20, 35);
    }

    @Test
    void aFetchPlanAsksEachDatasetOnceEvenWhenManyItemsNeedIt() {
        for (CompiledBundle bundle : RealCatalogue.BUNDLES.all()) {
            List<String> labels = bundle.fetchPlan().stream().map(DatasetFetch::label).toList();
            assertThat(labels).as(bundle.id()).doesNotHaveDuplicates();
            long demandsOnSources = bundle.items().stream().flatMap(i -> i.demands().stream())
                    .filter(d -> d.origin() instanceof Origin.DatasetField).count();
            assertThat(labels.size()).as(bundle.id()).isLessThan((int) demandsOnSources);
        }
        DatasetFetch person = RealCatalogue.bundle("after-death").fetchPlan().stream()
                .filter(f -> f.label().equals("mz-civil-affairs/death")).findFirst().orElseThrow();
        assertThat(person.items()).hasSize(6);
    }

    private static Set<String> usedConnectors() {
        Set<String> used = new HashSet<>();
        for (CompiledBundle bundle : RealCatalogue.BUNDLES.all()) {
            bundle.fetchPlan().forEach(f -> used.add(f.connector()));
            bundle.items().forEach(i -> used.add(i.target()));
            bundle.items().stream().filter(i -> i.archive() != null).forEach(i -> used.add(i.archive().target()));
        }
        return used;
    }
}
