package gov.onceonly.hub.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import gov.onceonly.hub.schema.ConfigSchemas.Folder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file the hub ships is valid against its schema, and names that schema on its first line for editors. */
class ShippedFilesSchemaTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static ConfigSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = ConfigSchemas.shared();
    }

    @Test
    void everyConnectorIsValidAndNamesItsSchema() throws IOException {
        assertFolder(Folder.CONNECTORS, "# yaml-language-server: $schema=../schemas/connector.json", 28);
    }

    @Test
    void everyMappingIsValidAndNamesItsSchema() throws IOException {
        assertFolder(Folder.MAPPINGS, "# yaml-language-server: $schema=../schemas/mapping.json", 50);
    }

    @Test
    void everyProposalRuleIsValidAndNamesItsSchema() throws IOException {
        assertFolder(Folder.PROPOSALS, "# yaml-language-server: $schema=../schemas/proposal.json", 4);
    }

    @Test
    void everyRecommendationFileIsValidAndNamesItsSchema() throws IOException {
        assertFolder(Folder.RECOMMENDATIONS, "# yaml-language-server: $schema=../schemas/recommendation.json", 2);
    }

    @Test
    void everyCalendarIsValidAndNamesItsSchema() throws IOException {
        assertFolder(Folder.CALENDAR, "# yaml-language-server: $schema=../schemas/calendar.json", 1);
    }

    @Test
    void everyRouteFileIsValidAgainstCamelsYamlDslSchema() throws IOException {
        assertFolder(Folder.ROUTES, null, 12);
    }

    /** The files the tutorials have an engineer write (```yaml file=routes/…) pass the same schemas; a stand-in's fixtures (connectors/fixtures/) are not a connector. */
    @Test
    void everyFileTheDocsWriteIsValid() throws IOException {
        Pattern block = Pattern.compile("```yaml file=((routes|connectors|mappings)/(?!fixtures/)[^\\s]+)\n(.*?)```", Pattern.DOTALL);
        List<String> checked = new ArrayList<>();
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path doc : docs.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = block.matcher(Files.readString(doc));
                while (m.find()) {
                    Folder folder = Folder.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
                    assertThat(schemas.validate(folder, YAML.readTree(m.group(3)))).as(doc + ": " + m.group(1)).isEmpty();
                    checked.add(m.group(1));
                }
            }
        }
        assertThat(checked).contains("routes/source-json-drop.yaml", "mappings/resident-relocation.yaml");
    }

    /** Camel's schema as editors apply it: a template parameter cannot fill a number option. */
    @Test
    void aPlaceholderInANumberOptionIsCaught() throws IOException {
        JsonNode route = YAML.readTree("""
                - routeTemplate:
                    id: t
                    parameters: [{ name: retries }]
                    route:
                      errorHandler:
                        defaultErrorHandler:
                          redeliveryPolicy: { maximumRedeliveries: "{{retries}}" }
                      from: { uri: "direct:a", steps: [{ log: { message: x } }] }
                """);
        assertThat(schemas.validate(Folder.ROUTES, route)).extracting(ConfigSchemas.Violation::path)
                .anyMatch(path -> path.endsWith("redeliveryPolicy.maximumRedeliveries"));
    }

    @Test
    void aBrokenFileIsCaughtAtItsPath() throws IOException {
        JsonNode connector = YAML.readTree("""
                id: dept
                department: 某局
                kind: ftp
                role: source
                http: { baseUrl: x, timeout: 3 }
                """);
        assertThat(schemas.validate(Folder.CONNECTORS, connector)).extracting(ConfigSchemas.Violation::path)
                .contains("kind", "http.timeout");
        JsonNode route = YAML.readTree("""
                - route:
                    id: r
                    from:
                      uri: direct:a
                      steps:
                        - settBody: { constant: x }
                """);
        assertThat(schemas.validate(Folder.ROUTES, route)).extracting(ConfigSchemas.Violation::path)
                .contains("[0].route.from.steps[0].settBody");
    }

    /** Editors show description and examples while typing, so every property of our schemas has both. */
    @Test
    void everyPropertyHasADescriptionAndExamples() throws IOException {
        for (String name : List.of("connector", "mapping", "proposal", "recommendation", "calendar")) {
            JsonNode schema = new ObjectMapper().readTree(Path.of("schemas", name + ".json").toFile());
            List<String> lacking = new ArrayList<>();
            walk(schema, name, lacking);
            assertThat(lacking).as(name + ".json properties without description or examples").isEmpty();
        }
    }

    @Test
    void publishedNamesServeTheirText() {
        assertThat(ConfigSchemas.publishedNames()).containsExactly("calendar", "camel-yaml-dsl", "connector", "mapping",
                "proposal", "recommendation");
        assertThat(new String(ConfigSchemas.published("mapping").orElseThrow())).contains("\"demands\"");
        assertThat(ConfigSchemas.published("nope")).isEmpty();
    }

    private static void walk(JsonNode node, String at, List<String> lacking) {
        JsonNode properties = node.get("properties");
        if (properties != null) {
            properties.fields().forEachRemaining(p -> {
                if (!p.getValue().has("description") || !p.getValue().has("examples")) {
                    lacking.add(at + "." + p.getKey());
                }
                walk(p.getValue(), at + "." + p.getKey(), lacking);
            });
        }
        JsonNode defs = node.get("$defs");
        if (defs != null) {
            defs.fields().forEachRemaining(d -> walk(d.getValue(), at + ".$defs." + d.getKey(), lacking));
        }
    }

    private static void assertFolder(Folder folder, String firstLine, int atLeast) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(folder.directory()))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(atLeast);
        for (Path file : files) {
            String content = Files.readString(file);
            if (firstLine != null) {
                assertThat(content.lines().findFirst().orElse("")).as(file + " first line").isEqualTo(firstLine);
            }
            assertThat(schemas.validate(folder, YAML.readTree(content))).as(file.toString()).isEmpty();
        }
    }
}
