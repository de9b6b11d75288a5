package gov.onceonly.hub.configfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the YAML files of one configuration folder into typed definitions. Unknown properties are
 * errors, so that a typo in a file never silently changes what the hub does.
 */
public final class YamlConfigFiles {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Binds what it can of a file its schema refused: unknown keys skipped, unknown enumeration values null. */
    private static final ObjectMapper LENIENT = JsonMapper.builder(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    private YamlConfigFiles() {
    }

    /** Checks a file's parsed tree before it is bound to its type: its folder's JSON Schema. */
    @FunctionalInterface
    public interface ShapeCheck {
        List<ConfigProblem> problems(String file, JsonNode tree);

        /** For a file read outside a configuration folder, where no schema applies. */
        ShapeCheck NONE = (file, tree) -> List.of();
    }

    /** A parsed file, named as the user sees it (relative to the hub's configuration root). */
    public record Loaded<T>(String file, T definition, String content) {
    }

    public static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigFileException(new ConfigProblem(folder.toString(), "", "folder not found"));
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigFileException(new ConfigProblem(folder.toString(), "", "cannot list: " + e.getMessage()));
        }
    }

    public static <T> Loaded<T> read(Path root, Path file, Class<T> type, ShapeCheck shape) {
        String name = root.relativize(file).toString();
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigFileException(new ConfigProblem(name, "", "cannot read: " + e.getMessage()));
        }
        try {
            return new Loaded<>(name, parse(name, content, type, shape), content);
        } catch (ConfigFileException e) {
            throw e.locatedIn(content);
        }
    }

    /** Parses {@code content}, checks its shape, then binds it: a shape problem is reported in the schema's terms. */
    public static <T> T parse(String name, String content, Class<T> type, ShapeCheck shape) {
        try {
            JsonNode tree = content.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))
                    ? null : YAML.readTree(content);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigFileException(new ConfigProblem(name, "", "file is empty"));
            }
            List<ConfigProblem> problems = shape.problems(name, tree);
            if (!problems.isEmpty()) {
                throw new ConfigFileException(problems);
            }
            return YAML.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new ConfigFileException(new ConfigProblem(name, JacksonPaths.of(e), describe(e)));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ConfigFileException(new ConfigProblem(name, "", "not valid YAML: " + e.getOriginalMessage(), false,
                    new YamlLocator.Position(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr())));
        }
    }

    /**
     * A file its schema refused, bound as far as it can be so that its references (connectors, datasets, fields) can
     * still be checked in the same lint run; empty when even that fails (a list where an object belongs).
     */
    public static <T> java.util.Optional<T> bindDespiteShape(JsonNode tree, Class<T> type) {
        try {
            return java.util.Optional.ofNullable(LENIENT.treeToValue(tree, type));
        } catch (JsonProcessingException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String describe(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Unrecognized field")) {
            List<String> parts = new ArrayList<>(List.of(message.split("\"")));
            return parts.size() > 1 ? "unknown property '" + parts.get(1) + "'" : "unknown property";
        }
        int cut = message.indexOf(" at [Source");
        message = cut > 0 ? message.substring(0, cut) : message;
        return message.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1").trim();
    }
}
