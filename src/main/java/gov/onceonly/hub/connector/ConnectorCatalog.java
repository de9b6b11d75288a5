package gov.onceonly.hub.connector;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.schema.ConfigSchemas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every department system the hub knows, loaded from {@code connectors/*.yaml} and validated. A hot reload swaps
 * the whole set at once ({@link #replaceWith}).
 */
public final class ConnectorCatalog {

    private volatile Map<String, Entry> connectors;

    /** A connector and the file it came from, so later errors can name the file. */
    public record Entry(String file, ConnectorDefinition definition) {
    }

    private ConnectorCatalog(Map<String, Entry> connectors) {
        this.connectors = java.util.Collections.unmodifiableMap(connectors);
    }

    /** Serves {@code newer}'s connectors from now on, atomically. */
    public void replaceWith(ConnectorCatalog newer) {
        this.connectors = newer.connectors;
    }

    public static ConnectorCatalog load(Path root, Path folder) {
        Map<String, Entry> connectors = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        // Each file is checked against the folder's schema before it is bound (the lint uses the same schema).
        YamlConfigFiles.ShapeCheck shape = ConfigSchemas.shared().shapeCheck(ConfigSchemas.Folder.CONNECTORS);
        for (Path file : YamlConfigFiles.list(folder)) {
            String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            try {
                var loaded = YamlConfigFiles.read(root, file, ConnectorDefinition.class, shape);
                List<ConfigProblem> found = ConfigFileException.locate(
                        ConnectorValidator.check(loaded.file(), expectedId, loaded.definition()), loaded.content());
                problems.addAll(found);
                if (found.isEmpty()) {
                    connectors.put(expectedId, new Entry(loaded.file(), loaded.definition()));
                }
            } catch (ConfigFileException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return new ConnectorCatalog(connectors);
    }

    public static ConnectorCatalog of(Collection<Entry> entries) {
        Map<String, Entry> connectors = new LinkedHashMap<>();
        entries.forEach(e -> connectors.put(e.definition().id(), e));
        return new ConnectorCatalog(connectors);
    }

    public Optional<ConnectorDefinition> find(String id) {
        return Optional.ofNullable(connectors.get(id)).map(Entry::definition);
    }

    public ConnectorDefinition get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown connector " + id));
    }

    public Optional<DatasetDefinition> dataset(String connectorId, String dataset) {
        return find(connectorId).filter(ConnectorDefinition::isSource).map(c -> c.datasets().get(dataset));
    }

    public Collection<Entry> entries() {
        return connectors.values();
    }
}
