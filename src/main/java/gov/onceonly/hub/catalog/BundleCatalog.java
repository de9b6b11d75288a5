package gov.onceonly.hub.catalog;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.connector.ConnectorCatalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every bundle the hub serves, loaded from {@code mappings/*.yaml} and compiled against the connectors. */
public final class BundleCatalog {

    private final Map<String, CompiledBundle> bundles;

    private BundleCatalog(Map<String, CompiledBundle> bundles) {
        this.bundles = bundles;
    }

    public static BundleCatalog load(Path root, Path folder, ConnectorCatalog connectors) {
        BundleCompiler compiler = new BundleCompiler(connectors);
        Map<String, CompiledBundle> bundles = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Path file : YamlConfigFiles.list(folder)) {
            String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            try {
                var loaded = YamlConfigFiles.read(root, file, BundleDefinition.class);
                bundles.put(expectedId, compiler.compile(loaded.file(), expectedId, version(loaded.content()), loaded.definition()));
            } catch (ConfigFileException e) {
                problems.addAll(e.problems());
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

    public Collection<CompiledBundle> all() {
        return bundles.values();
    }

    /** The first 12 hex digits of the file's SHA-256: which mapping an application ran on. */
    static String version(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
