package gov.onceonly.hub.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the deployment files for the tests of this package. The files in {@code docker/} say what
 * docs/deployment.md promises; no Docker engine runs in CI, so the tests read them ({@link ComposeFileTest},
 * {@link MonitoringFilesTest}, {@link ContainerImageTest}, {@link KubernetesFilesTest}, {@link ContainersProfileTest})
 * and {@code scripts/check-deployment.sh} adds docker-compose's and promtool's own checks.
 *
 * <p>YAML is read with SnakeYAML (under Jackson's YAML module), which resolves compose's anchors and merge keys.
 * Paths are relative to the repository root, Surefire's working directory.
 */
final class DeploymentFiles {

    static final Path DOCKER = Path.of("docker");
    static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final String HUB_IMAGE = "onceonly/hub";
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");
    private static final Pattern REQUIRED_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):}");

    private DeploymentFiles() {
    }

    // ---------------------------------------------------------------- YAML

    private static Yaml safeYaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    /** A single-document YAML file as a map; fails if it is empty. */
    static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = safeYaml().load(reader);
            assertThat(document).as(file.toString()).isNotNull();
            return document;
        }
    }

    /** Every non-empty document of a multi-document YAML file; fails if there is none. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : safeYaml().loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        assertThat(documents).as(file.toString()).isNotEmpty();
        return documents;
    }

    static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key).isNotNull();
        return String.valueOf(value);
    }

    /** A list of scalars as strings; an absent key is an empty list. */
    static List<String> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        assertThat(value).as(key).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    // ---------------------------------------------------------------- docker/compose.yaml

    @SuppressWarnings("unchecked")
    static Map<String, Object> services() throws IOException {
        return (Map<String, Object>) yaml(DOCKER.resolve("compose.yaml")).get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> service = (Map<String, Object>) services().get(name);
        assertThat(service).as("service %s in compose.yaml", name).isNotNull();
        return service;
    }

    /** The hub instances: services running the hub image, in file order. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> hubs() throws IOException {
        Map<String, Map<String, Object>> hubs = new LinkedHashMap<>();
        services().forEach((name, definition) -> {
            Map<String, Object> service = (Map<String, Object>) definition;
            if (String.valueOf(service.get("image")).startsWith(HUB_IMAGE + ":")) {
                hubs.put(name, service);
            }
        });
        return hubs;
    }

    /** A service's environment, whether written as a map or as a list of NAME=value; values as strings. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (raw instanceof List<?> entries) {
            entries.forEach(e -> {
                String entry = String.valueOf(e);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            });
        }
        return env;
    }

    static List<String> ports(Map<String, Object> service) {
        return list(service, "ports");
    }

    /** The condition a service waits for on a dependency: {@code service_started} for the list form, null if none. */
    static String condition(Map<String, Object> service, String dependency) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> map && map.get(dependency) instanceof Map<?, ?> spec) {
            return String.valueOf(spec.get("condition"));
        }
        return dependsOn instanceof List<?> list && list.contains(dependency) ? "service_started" : null;
    }

    // ---------------------------------------------------------------- what a deployment must set

    /**
     * What the hub cannot start without outside the sandbox: the operator's password, and every {@code ${VAR:}}
     * (an empty default) of application.properties.
     */
    static Set<String> requiredVariables() throws IOException {
        Set<String> required = new TreeSet<>(Set.of("HUB_OPERATOR_PASSWORD"));
        Matcher m = REQUIRED_PLACEHOLDER.matcher(Files.readString(APPLICATION_PROPERTIES));
        while (m.find()) {
            required.add(m.group(1));
        }
        return required;
    }

    /** Every ${VARIABLE:default} of connectors/*.yaml: the settings a deployment gives each department system. */
    static Set<String> connectorVariables() throws IOException {
        Set<String> variables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("connectors"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = ENV_PLACEHOLDER.matcher(Files.readString(file));
                while (m.find()) {
                    variables.add(m.group(1));
                }
            }
        }
        return variables;
    }
}
