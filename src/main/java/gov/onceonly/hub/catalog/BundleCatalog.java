package gov.onceonly.hub.catalog;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.evidence.Sha256;
import gov.onceonly.hub.schema.ConfigSchemas;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every bundle the hub serves, loaded from {@code mappings/*.yaml} and compiled against the connectors. A hot
 * reload swaps the whole set at once ({@link #replaceWith}); every version served since startup stays findable,
 * so that an application finishes on the mapping version it was received under.
 */
public final class BundleCatalog {

    private volatile Map<String, CompiledBundle> bundles;
    private final Map<String, CompiledBundle> byVersion = new ConcurrentHashMap<>();

    private BundleCatalog(Map<String, CompiledBundle> bundles) {
        this.bundles = Map.copyOf(bundles);
        remember(bundles.values());
    }

    public static BundleCatalog load(Path root, Path folder, ConnectorCatalog connectors) {
        BundleCompiler compiler = new BundleCompiler(connectors);
        Map<String, CompiledBundle> bundles = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        // Each file is checked against the folder's schema before it is bound (the lint uses the same schema).
        YamlConfigFiles.ShapeCheck shape = ConfigSchemas.shared().shapeCheck(ConfigSchemas.Folder.MAPPINGS);
        for (Path file : YamlConfigFiles.list(folder)) {
            String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            YamlConfigFiles.Loaded<BundleDefinition> loaded;
            try {
                loaded = YamlConfigFiles.read(root, file, BundleDefinition.class, shape);
            } catch (ConfigFileException e) {
                problems.addAll(e.problems());
                continue;
            }
            try {
                bundles.put(expectedId, compiler.compile(loaded.file(), expectedId, version(loaded.content()), loaded.definition()));
            } catch (ConfigFileException e) {
                // Placed at their lines, as the lint places them.
                problems.addAll(e.locatedIn(loaded.content()).problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return new BundleCatalog(bundles);
    }

    public Optional<CompiledBundle> find(String id) {
        return Optional.ofNullable(id).map(bundles::get);
    }

    /**
     * The bundle as it was at {@code version}. A version this hub never loaded (it was edited while the hub was
     * down) falls back to the current one.
     */
    public Optional<CompiledBundle> find(String id, String version) {
        CompiledBundle exact = id == null || version == null ? null : byVersion.get(id + "@" + version);
        return exact != null ? Optional.of(exact) : find(id);
    }

    public Collection<CompiledBundle> all() {
        return java.util.List.copyOf(new java.util.TreeMap<>(bundles).values());
    }

    /** Serves {@code newer}'s bundles from now on, atomically; the versions served so far stay findable. */
    public void replaceWith(BundleCatalog newer) {
        remember(newer.bundles.values());
        this.bundles = newer.bundles;
    }

    private void remember(Collection<CompiledBundle> compiled) {
        compiled.forEach(b -> byVersion.putIfAbsent(b.id() + "@" + b.version(), b));
    }

    /** The first 12 hex digits of the file's SHA-256: which mapping an application ran on. */
    public static String version(String content) {
        return Sha256.hex(content.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }
}
