package gov.onceonly.hub.catalog;

import gov.onceonly.hub.connector.ConnectorCatalog;

import java.nio.file.Path;
import java.util.List;

/** The repository's own connectors/ and mappings/, loaded once for the catalogue's unit tests. */
final class RealCatalogue {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final ConnectorCatalog CONNECTORS = ConnectorCatalog.load(ROOT, ROOT.resolve("connectors"));
    static final BundleCatalog BUNDLES = BundleCatalog.load(ROOT, ROOT.resolve("mappings"), CONNECTORS);

    private RealCatalogue() {
    }

    static List<String> bundleIds() {
        return BUNDLES.all().stream().map(CompiledBundle::id).toList();
    }

    static CompiledBundle bundle(String id) {
        return BUNDLES.find(id).orElseThrow();
    }
}
