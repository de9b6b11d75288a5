package gov.onceonly.hub.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Schemas the configuration folders are checked against: {@code schemas/connector.json},
 * {@code schemas/mapping.json} and {@code schemas/recommendation.json} (ours, packaged in the jar) and Camel's own YAML DSL schema for {@code routes/}
 * (shipped in the camel-yaml-dsl jar). Editors use the same files through the {@code $schema} line.
 */
public final class ConfigSchemas {

    /** Which folder a file belongs to, and so which schema it is checked against. */
    public enum Folder {
        CONNECTORS("connectors", "schemas/connector.json"),
        MAPPINGS("mappings", "schemas/mapping.json"),
        PROPOSALS("proposals", "schemas/proposal.json"),
        ROUTES("routes", "schema/camelYamlDsl.json"),
        RECOMMENDATIONS("recommendations", "schemas/recommendation.json"),
        CALENDAR("calendar", "schemas/calendar.json");

        private final String directory;
        private final String resource;

        Folder(String directory, String resource) {
            this.directory = directory;
            this.resource = resource;
        }

        public String directory() {
            return directory;
        }
    }

    /** Served names ({@code GET /api/v1/schemas/<name>.json}) and their resources. */
    private static final Map<String, String> PUBLISHED = Map.of(
            "connector", "schemas/connector.json",
            "mapping", "schemas/mapping.json",
            "proposal", "schemas/proposal.json",
            "recommendation", "schemas/recommendation.json",
            "calendar", "schemas/calendar.json",
            "camel-yaml-dsl", "schema/camelYamlDsl.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED_NAME = Pattern.compile("\\['([^']*)'\\]");

    /** The schemas hold no state once compiled: one set serves every load, lint and reload of the process. */
    private static final class Shared {
        static final ConfigSchemas INSTANCE = new ConfigSchemas();
    }

    /** Ours may give a rule's message in {@code errorMessage} (e.g. why a query must bind {@code :?key}). */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().errorMessageKeyword("errorMessage")
                    .build()));
    private final Map<Folder, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<Folder, JsonNode> texts = new ConcurrentHashMap<>();

    private ConfigSchemas() {
    }

    /** The one set of schemas; each is compiled when first needed (Camel's is large: only lint and reload use it). */
    public static ConfigSchemas shared() {
        return Shared.INSTANCE;
    }

    /** What is wrong with one parsed file, each at a path such as {@code items[2].demands.babyName.from}. */
    public List<Violation> validate(Folder folder, JsonNode document) {
        List<Error> errors = schema(folder).validate(document);
        JsonNode text = texts.get(folder);
        return SchemaErrors.condense(errors.stream().map(e -> new SchemaErrors.Raw(path(e), e.getKeyword(),
                ViolationText.of(e, text), e.getProperty(), e.isCustomMessage(), ViolationText.isAboutValue(e))).toList());
    }

    /** The same, as problems of the file named {@code file}: how the catalogues report them at load. */
    /** The folder's schema as the check a loader runs on each file before binding it (YamlConfigFiles.read). */
    public YamlConfigFiles.ShapeCheck shapeCheck(Folder folder) {
        return (file, tree) -> problems(folder, file, tree);
    }

    public List<ConfigProblem> problems(Folder folder, String file, JsonNode document) {
        return validate(folder, document).stream().map(v -> v.atValue() ? ConfigProblem.ofValue(file, v.path(), v.message())
                : new ConfigProblem(file, v.path(), v.message())).toList();
    }

    private Schema schema(Folder folder) {
        return schemas.computeIfAbsent(folder, f -> {
            try (InputStream in = resource(f.resource)) {
                // Camel's schema as it is, as editors apply it: a number option takes a number, not a placeholder.
                JsonNode text = JSON.readTree(in);
                texts.put(f, text);   // read back for the property names a misspelt key could have meant
                return registry.getSchema(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The text of a published schema, or empty for an unknown name. */
    public static Optional<byte[]> published(String name) {
        String resource = PUBLISHED.get(name);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = resource(resource)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static java.util.Set<String> publishedNames() {
        return new java.util.TreeSet<>(PUBLISHED.keySet());
    }

    /** One schema violation at a path in the file's own terms; {@code atValue}: about the value written there. */
    public record Violation(String path, String message, boolean atValue) {
    }

    /**
     * {@code $.items[0]['birth-certificate']} (2020-12) and {@code /0/route/id} (draft 4, Camel's) become
     * {@code items[0].birth-certificate} and {@code [0].route.id}.
     */
    static String path(Error e) {
        String raw = e.getInstanceLocation() == null ? "$" : e.getInstanceLocation().toString();
        if (raw.startsWith("/") || raw.isEmpty()) {
            StringBuilder dotted = new StringBuilder("$");
            for (String step : raw.split("/")) {
                if (step.isEmpty()) continue;
                dotted.append(step.matches("\\d+") ? "[" + step + "]" : "." + step.replace("~1", "/").replace("~0", "~"));
            }
            raw = dotted.toString();
        }
        Matcher quoted = QUOTED_NAME.matcher(raw);
        raw = quoted.replaceAll(m -> "." + Matcher.quoteReplacement(m.group(1)));
        if (raw.startsWith("$")) {
            raw = raw.substring(1);
        }
        if ("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword())) {
            String property = e.getProperty();
            if (property != null) {
                raw = raw + "." + property;
            }
        }
        return raw.startsWith(".") ? raw.substring(1) : raw;
    }

    private static InputStream resource(String name) {
        InputStream in = ConfigSchemas.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("schema " + name + " is not on the classpath");
        }
        return in;
    }
}
