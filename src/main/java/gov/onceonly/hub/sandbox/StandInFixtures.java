package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fixtures of the stand-in departments: {@code connectors/fixtures/<connector>.yaml} under the hub's configuration
 * root, the records a connector's stand-in answers by dataset and key, with an optional latency and error rate. A
 * subfolder, so that the connector loaders and the lint (which list {@code connectors/*.yaml}) never take it for a
 * connector. Read again at each use: an edit is served at the next call, with no restart and no reload.
 */
public final class StandInFixtures {

    static final String FOLDER = "connectors/fixtures";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Map<String, Map<String, Object>>>> DATASETS = new TypeReference<>() {
    };

    /**
     * One stand-in's fixtures.
     *
     * @param latencyMillis how long the stand-in takes to answer each call
     * @param errorRate the share of calls (0 to 1) answered 503, as an outage
     * @param datasets the records by dataset, then by key (a source's); empty for a target, which keeps what it receives
     */
    public record Fixtures(long latencyMillis, double errorRate, Map<String, Map<String, Map<String, Object>>> datasets) {

        Optional<Map<String, Object>> find(String dataset, String key) {
            return Optional.ofNullable(datasets.getOrDefault(dataset, Map.of()).get(key));
        }
    }

    private final Path root;

    /** {@code root}: the configuration root (hub.config-root). */
    public StandInFixtures(Path root) {
        this.root = root;
    }

    /** The file a connector's fixtures are in, relative to the configuration root. */
    public static String fileOf(String connector) {
        return FOLDER + "/" + connector + ".yaml";
    }

    public boolean has(String connector) {
        return Files.isRegularFile(root.resolve(fileOf(connector)));
    }

    /** The connector's fixtures; empty if it has none. A file that cannot be read fails, naming it. */
    public Optional<Fixtures> of(String connector) {
        Path file = root.resolve(fileOf(connector));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode tree = tree(file, fileOf(connector));
        double errorRate = tree.path("errorRate").asDouble(0);
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalStateException(fileOf(connector) + ": errorRate must be between 0 and 1, not " + errorRate);
        }
        Map<String, Map<String, Map<String, Object>>> datasets = tree.hasNonNull("datasets")
                ? YAML.convertValue(tree.get("datasets"), DATASETS) : Map.of();
        Map<String, Map<String, Map<String, Object>>> cleaned = new LinkedHashMap<>();
        datasets.forEach((dataset, records) -> cleaned.put(dataset, records == null ? Map.of() : records));
        return Optional.of(new Fixtures(tree.path("latencyMillis").asLong(0), errorRate, cleaned));
    }

    /** A record of a source's fixtures (dataset given as {@code <connector>/<dataset>}), if that source has fixtures. */
    Optional<Map<String, Object>> find(String connectorSlashDataset, String key) {
        int slash = connectorSlashDataset.indexOf('/');
        return of(connectorSlashDataset.substring(0, slash))
                .flatMap(f -> f.find(connectorSlashDataset.substring(slash + 1), key));
    }

    /** The connector's own file, as a tree (its role, its datasets' paths); empty if there is no such connector. */
    Optional<JsonNode> connector(String connector) {
        Path file = root.resolve("connectors").resolve(connector + ".yaml");
        return Files.isRegularFile(file) ? Optional.of(tree(file, "connectors/" + connector + ".yaml")) : Optional.empty();
    }

    private static JsonNode tree(Path file, String name) {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            return tree == null || tree.isMissingNode() ? YAML.createObjectNode() : tree;
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }
}
