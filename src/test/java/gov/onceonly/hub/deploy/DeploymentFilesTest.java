package gov.onceonly.hub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files in {@code docker/} say what docs/deployment.md promises: PostgreSQL 16 and one KRaft broker,
 * two hubs on the same database and broker, Prometheus scraping each hub, a provisioned Grafana dashboard that only
 * queries metrics the hub exposes, and Kubernetes manifests of the same shape that leave no connector unconfigured.
 * No Docker engine runs in CI, so this reads the files; {@code scripts/check-deployment.sh} adds docker-compose's
 * and promtool's own checks.
 *
 * <p>YAML is read with SnakeYAML (under Jackson's YAML module), which resolves compose's anchors and merge keys.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static final String HUB_IMAGE = "onceonly/hub";

    /**
     * What the dashboard and the alerts may query: the hub's own metrics (docs/operations.md) and Spring Boot's.
     * A histogram counts with its _bucket, _count, _sum and _max series.
     */
    static final Set<String> HUB_METRICS = Set.of(
            "hub_applications",                   // gauge {bundle,status}, from the database
            "hub_items",                          // gauge {target,status}, from the database
            "hub_deliveries_total",               // counter {target,outcome}
            "hub_retries_total",                  // counter {stage}
            "hub_connector_calls_seconds",        // timer histogram {role=source|target,connector,outcome}
            "hub_circuit_open",                   // gauge {connector}: 1 while open or half-open
            "hub_circuits_open",                  // gauge: how many are open
            "hub_deliveries_parked",              // gauge
            "hub_deliveries_waiting_retry",       // gauge
            "hub_outbox_backlog",                 // gauge
            "hub_outbox_oldest_seconds",          // gauge
            "hub_kafka_consumer_lag",             // gauge {group,topic}
            "hub_kpi_fields_filled",              // 减材料 gauge {bundle,by=hub|applicant}
            "hub_kpi_materials_exempted",         // 减材料 gauge {bundle}
            "hub_kpi_acceptance_seconds",         // 减时间 gauge {bundle,quantile=0.5|0.9}
            "hub_kpi_completion_seconds",         // 减时间 gauge {bundle,quantile=0.5|0.9}
            "hub_kpi_items_completed");           // 减跑动 gauge {bundle,applicant_action=none|some}
    static final Set<String> PLATFORM_METRICS = Set.of("up", "http_server_requests_seconds", "jvm_memory_used_bytes");
    private static final Pattern HISTOGRAM_SERIES = Pattern.compile("(.+)_(bucket|count|sum|max)$");
    private static final Pattern SELECTED_METRIC = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
    private static final Pattern HUB_NAME = Pattern.compile("\\bhub_[a-z0-9_]+");
    private static final Pattern METER_NAME = Pattern.compile("\"(hub\\.[a-z0-9.]+)\"");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");

    // ---------------------------------------------------------------- compose

    @Test
    void composeRunsPostgres16AndOneKraftBrokerWithEnoughPartitionsForEveryHubConsumer() throws IOException {
        Map<String, Object> services = services();
        assertThat(string(service("postgres"), "image")).matches("postgres:16(\\.\\d+)*(-[a-z0-9.]+)?");

        Map<String, Object> kafka = service("kafka");
        assertThat(string(kafka, "image")).startsWith("apache/kafka:");
        Map<String, String> env = environment(kafka);
        assertThat(env.get("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
        assertThat(env).containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES",
                "CLUSTER_ID").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(services).doesNotContainKey("zookeeper");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka:9093");
        assertThat(env.get("KAFKA_CLUSTER_ID") == null ? env.get("CLUSTER_ID") : env.get("KAFKA_CLUSTER_ID"))
                .as("a KRaft cluster id is 16 bytes in URL-safe base64").matches("[A-Za-z0-9_-]{22}");

        // The hub creates its topics with the broker's default partition count; a hub without a partition idles.
        int consumers = Integer.parseInt(applicationProperties().getProperty("hub.pipeline.consumers"));
        assertThat(Integer.parseInt(env.get("KAFKA_NUM_PARTITIONS")))
                .as("partitions for %d hubs x %d consumers", hubs().size(), consumers)
                .isGreaterThanOrEqualTo(hubs().size() * consumers);
        assertThat(Integer.parseInt(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"))).isEqualTo(1);
    }

    @Test
    void twoHubsShareOneDatabaseAndOneBrokerAsOneConsumerGroupOnDistinctPorts() throws IOException {
        Map<String, Map<String, Object>> hubs = hubs();
        assertThat(hubs).hasSizeGreaterThanOrEqualTo(2);

        Map<String, String> postgres = environment(service("postgres"));
        String expectedUrl = "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB");
        Map<String, String> kafka = environment(service("kafka"));
        Set<String> hostPorts = new HashSet<>();
        for (var hub : hubs.entrySet()) {
            Map<String, String> env = environment(hub.getValue());
            assertThat(env.get("SPRING_DATASOURCE_URL")).as(hub.getKey()).isEqualTo(expectedUrl);
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(hub.getKey()).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as(hub.getKey()).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            String bootstrap = env.get("HUB_KAFKA_BOOTSTRAP_SERVERS");
            assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).as("a listener the hubs can reach")
                    .contains("://" + bootstrap);
            assertThat(bootstrap).startsWith("kafka:");
            assertThat(env.getOrDefault("HUB_KAFKA_GROUP_PREFIX", "hub")).as(hub.getKey()).isEqualTo("hub");
            for (String required : requiredVariables()) {
                assertThat(env.get(required)).as("%s of %s, which the hub cannot start without", required, hub.getKey())
                        .isNotBlank();
            }
            assertThat(env.keySet()).as("hubs sharing the work keep the same topics").noneMatch(k -> k.startsWith("HUB_TOPICS_"));

            List<String> ports = ports(hub.getValue());
            assertThat(ports).as(hub.getKey() + " publishes its API").anyMatch(p -> p.endsWith(":8080"));
            ports.forEach(p -> assertThat(hostPorts.add(p.substring(0, p.indexOf(':'))))
                    .as("host port %s of %s is free", p, hub.getKey()).isTrue());
        }
        assertThat(hubs.values().stream().map(h -> environment(h).get("SPRING_DATASOURCE_URL")).distinct()).hasSize(1);
        assertThat(hubs.values().stream().map(h -> environment(h).get("HUB_KAFKA_BOOTSTRAP_SERVERS")).distinct()).hasSize(1);
    }

    @Test
    void oneHubHostsTheSandboxDepartmentsAndTheOthersReachThemThroughTheRelay() throws IOException {
        Map<String, Map<String, Object>> hubs = hubs();
        List<String> sandboxHosts = hubs.entrySet().stream()
                .filter(h -> List.of(environment(h.getValue()).getOrDefault("SPRING_PROFILES_ACTIVE", "sandbox").split(","))
                        .contains("sandbox"))
                .map(Map.Entry::getKey).toList();
        assertThat(sandboxHosts).as("hubs running the sandbox departments").hasSize(1);
        String host = sandboxHosts.get(0);

        Map<String, Object> relay = service("departments");
        assertThat(string(relay, "network_mode")).isEqualTo("service:" + host);
        String listen = list(relay, "command").stream().filter(a -> a.startsWith("TCP-LISTEN:")).findFirst().orElseThrow();
        String relayPort = listen.substring("TCP-LISTEN:".length()).split(",")[0];
        assertThat(list(relay, "command")).contains("TCP:127.0.0.1:18090");
        assertThat(ports(hubs.get(host))).as("the relay's port is published by the hub whose network it shares")
                .contains("18090:" + relayPort);

        for (var hub : hubs.entrySet()) {
            if (hub.getKey().equals(host)) {
                continue;
            }
            Map<String, String> env = environment(hub.getValue());
            assertThat(env.get("HUB_SANDBOX_URL")).as(hub.getKey()).isEqualTo("http://" + host + ":" + relayPort);
            assertThat(env.get("HUB_SANDBOX_POSTGRES_URL")).as(hub.getKey()).isEqualTo("jdbc:postgresql://postgres:5432");
            assertThat(env.get("HUB_SANDBOX_POSTGRES_USER")).isEqualTo(environment(service("postgres")).get("POSTGRES_USER"));
            assertThat(condition(hub.getValue(), host)).as("%s waits for the departments", hub.getKey()).isEqualTo("service_healthy");
        }
    }

    @Test
    void everyHubHasThePasswordOfEveryDepartmentDatabase() throws IOException {
        Set<String> passwords = connectorVariables().stream().filter(v -> v.endsWith("_PASSWORD")).collect(Collectors.toSet());
        assertThat(passwords).isNotEmpty();
        String dbPassword = environment(service("postgres")).get("POSTGRES_PASSWORD");
        for (var hub : hubs().entrySet()) {
            Map<String, String> env = environment(hub.getValue());
            for (String variable : passwords) {
                assertThat(env.get(variable)).as("%s in %s", variable, hub.getKey()).isEqualTo(dbPassword);
            }
        }
    }

    @Test
    void hubsStartOnceTheirDatabaseAndBrokerAreHealthy() throws IOException {
        assertThat(service("postgres")).containsKey("healthcheck");
        assertThat(service("kafka")).containsKey("healthcheck");
        for (var hub : hubs().entrySet()) {
            assertThat(condition(hub.getValue(), "postgres")).as(hub.getKey()).isEqualTo("service_healthy");
            assertThat(condition(hub.getValue(), "kafka")).as(hub.getKey()).isEqualTo("service_healthy");
            assertThat(string(hub.getValue(), "stop_grace_period")).as("%s stops gracefully, not after 10 s", hub.getKey())
                    .matches("([2-9]\\d|\\d{3,})s");
        }
        assertThat(hubs().values()).anyMatch(h -> h.containsKey("build"));
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) hubs().values().stream().filter(h -> h.containsKey("build"))
                .findFirst().orElseThrow().get("build");
        assertThat(DOCKER.resolve(string(build, "context")).resolve(string(build, "dockerfile")).normalize())
                .isEqualTo(DOCKER.resolve("Dockerfile")).exists();
    }

    @Test
    void everyFileComposeMountsExists() throws IOException {
        List<String> mounts = new ArrayList<>();
        for (var service : services().entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> definition = (Map<String, Object>) service.getValue();
            for (String volume : list(definition, "volumes")) {
                if (volume.startsWith("./") || volume.startsWith("../")) {
                    mounts.add(volume.substring(0, volume.indexOf(':')));
                }
            }
        }
        assertThat(mounts).contains("./prometheus/prometheus.yml", "./grafana/provisioning", "./grafana/dashboards");
        mounts.forEach(m -> assertThat(DOCKER.resolve(m)).as(m).exists());
    }

    // ---------------------------------------------------------------- Prometheus

    @Test
    void prometheusScrapesEveryHubsActuatorEndpoint() throws IOException {
        Map<String, Object> config = yaml(DOCKER.resolve("prometheus/prometheus.yml"));
        List<Map<String, Object>> jobs = maps(config, "scrape_configs");
        Map<String, Object> hubJob = jobs.stream().filter(j -> "hub".equals(j.get("job_name"))).findFirst().orElseThrow();
        assertThat(hubJob.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Set<String> targets = new TreeSet<>();
        for (Map<String, Object> staticConfig : maps(hubJob, "static_configs")) {
            targets.addAll(list(staticConfig, "targets"));
        }
        assertThat(targets).isEqualTo(hubs().keySet().stream().map(h -> h + ":8080").collect(Collectors.toCollection(TreeSet::new)));

        for (String ruleFile : list(config, "rule_files")) {
            Map<String, Object> rules = yaml(DOCKER.resolve("prometheus").resolve(ruleFile));
            for (Map<String, Object> group : maps(rules, "groups")) {
                for (Map<String, Object> rule : maps(group, "rules")) {
                    assertKnownMetrics("alert " + rule.get("alert"), String.valueOf(rule.get("expr")));
                }
            }
        }
    }

    // ---------------------------------------------------------------- Grafana

    @Test
    void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboardFolder() throws IOException {
        Map<String, Object> datasources = yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> prometheus = maps(datasources, "datasources").get(0);
        assertThat(prometheus.get("type")).isEqualTo("prometheus");
        assertThat(prometheus.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(ports(service("prometheus"))).contains("9090:9090");

        Map<String, Object> providers = yaml(DOCKER.resolve("grafana/provisioning/dashboards/hub.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) maps(providers, "providers").get(0).get("options");
        String dashboardsInContainer = String.valueOf(options.get("path"));
        assertThat(list(service("grafana"), "volumes")).contains("./grafana/dashboards:" + dashboardsInContainer + ":ro");
        assertThat(list(service("grafana"), "volumes")).contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
    }

    @Test
    void theDashboardParsesAndQueriesOnlyAndAllOfTheHubsMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/hub.json").toFile());
        String datasourceUid = String.valueOf(maps(yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml")),
                "datasources").get(0).get("uid"));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isEqualTo("Once-only hub");

        Set<Integer> ids = new HashSet<>();
        Set<String> used = new TreeSet<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s is unique", panel.path("id")).isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title").asText()).isLessThanOrEqualTo(24);
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(datasourceUid);
            assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(expr).as(panel.path("title").asText()).isNotBlank();
                used.addAll(assertKnownMetrics(panel.path("title").asText(), expr));
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(20);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            assertThat(variable.path("datasource").path("uid").asText()).isEqualTo(datasourceUid);
        }
        assertThat(used).as("every hub metric and KPI has a panel").containsAll(HUB_METRICS);
    }

    /** The metric families an expression selects, each of which must be in the known lists. */
    private static Set<String> assertKnownMetrics(String where, String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher selected = SELECTED_METRIC.matcher(expr);
        while (selected.find()) {
            names.add(selected.group(1));
        }
        Matcher hub = HUB_NAME.matcher(expr);
        while (hub.find()) {
            names.add(hub.group());
        }
        assertThat(names).as("%s queries a metric: %s", where, expr).isNotEmpty();
        Set<String> families = new LinkedHashSet<>();
        for (String name : names) {
            String family = family(name);
            assertThat(family).as("%s: %s is a metric the hub or Spring Boot exposes", where, name)
                    .isIn(union(HUB_METRICS, PLATFORM_METRICS));
            families.add(family);
        }
        return families;
    }

    private static String family(String series) {
        if (HUB_METRICS.contains(series) || PLATFORM_METRICS.contains(series)) {
            return series;
        }
        Matcher m = HISTOGRAM_SERIES.matcher(series);
        return m.matches() ? m.group(1) : series;
    }

    /**
     * The list above against the meters the hub registers (string literals {@code "hub.…"} in its metrics package):
     * each meter has its Prometheus family in the list, and each family in the list is a meter. A meter name
     * {@code hub.a.b} is exposed as {@code hub_a_b}, plus {@code _total} for a counter or {@code _seconds} for a timer.
     */
    @Test
    void theMetricListMatchesTheMetersTheHubRegisters() throws IOException {
        Path metrics = Path.of("src/main/java/gov/onceonly/hub/metrics");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(metrics), "no metrics package on this branch yet");
        Set<String> meters = new TreeSet<>();
        try (Stream<Path> files = Files.walk(metrics)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = METER_NAME.matcher(Files.readString(file));
                while (m.find()) {
                    meters.add(m.group(1).replace('.', '_'));
                }
            }
        }
        assertThat(meters).isNotEmpty();
        for (String meter : meters) {
            assertThat(HUB_METRICS).as("the dashboard's list knows meter %s", meter)
                    .containsAnyOf(meter, meter + "_total", meter + "_seconds");
        }
        for (String family : HUB_METRICS) {
            assertThat(meters).as("%s is a meter the hub registers", family)
                    .containsAnyOf(family, family.replaceAll("_total$", ""), family.replaceAll("_seconds$", ""));
        }
    }

    @Test
    void theMetricNameCheckCatchesAnUnknownMetric() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertKnownMetrics("test", "sum(rate(hub_deliveries_totl{x=\"y\"}[5m]))"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("hub_deliveries_totl");
        assertThat(assertKnownMetrics("test", "histogram_quantile(0.9, sum by (le) (rate(hub_connector_calls_seconds_bucket[5m])))"))
                .containsExactly("hub_connector_calls_seconds");
    }

    // ---------------------------------------------------------------- Dockerfile

    @Test
    void theImageIsALayeredBootJarOnAJre17RunAsANonRootUserWithAReadinessHealthCheck() throws IOException {
        List<String> lines = dockerfileInstructions();
        int runtime = lastIndexMatching(lines, "FROM .*");
        assertThat(lines.get(runtime)).isEqualTo("FROM eclipse-temurin:17-jre");
        assertThat(lines).anyMatch(l -> l.startsWith("RUN java -Djarmode=tools -jar") && l.contains("extract --layers --launcher"));

        List<String> runtimeStage = lines.subList(runtime, lines.size());
        List<String> layerCopies = runtimeStage.stream().filter(l -> l.startsWith("COPY --from=layers"))
                .map(l -> l.replaceAll(".*/extracted/([a-z-]+)/.*", "$1")).toList();
        assertThat(layerCopies).as("least to most often changed")
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        String user = runtimeStage.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user.substring(5).split(":")[0]).isNotIn("root", "0");
        assertThat(runtimeStage).anyMatch(l -> l.matches("COPY connectors/ .*"))
                .anyMatch(l -> l.matches("COPY mappings/ .*")).anyMatch(l -> l.matches("COPY routes/ .*"));
        assertThat(runtimeStage.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow())
                .contains("org.springframework.boot.loader.launch.JarLauncher");

        String healthcheck = runtimeStage.stream().filter(l -> l.startsWith("HEALTHCHECK")).findFirst().orElseThrow();
        assertThat(healthcheck).contains("/usr/local/bin/hub-healthcheck");
        assertThat(runtimeStage).contains("COPY docker/healthcheck.sh /usr/local/bin/hub-healthcheck");
        Path script = DOCKER.resolve("healthcheck.sh");
        assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
        assertThat(Files.readString(script)).startsWith("#!/bin/bash").contains("/actuator/health/readiness");
        assertThat(Files.readAllLines(script).stream().filter(l -> !l.strip().startsWith("#")))
                .as("commands the JRE image has").noneMatch(l -> l.matches(".*\\b(curl|wget)\\b.*"));

        // The BuildKit ignore file must let through everything the build copies.
        String ignore = Files.readString(DOCKER.resolve("Dockerfile.dockerignore"));
        for (String copied : List.of("pom.xml", "src/main/", "connectors/", "mappings/", "routes/", "docker/healthcheck.sh")) {
            assertThat(ignore).contains("!" + copied);
        }
    }

    // ---------------------------------------------------------------- Kubernetes

    @Test
    void theKubernetesManifestsParseAndTheKustomizationListsThemAll() throws IOException {
        Map<String, Object> kustomization = yaml(DOCKER.resolve("k8s/kustomization.yaml"));
        List<String> resources = list(kustomization, "resources");
        try (Stream<Path> files = Files.list(DOCKER.resolve("k8s"))) {
            Set<String> manifests = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).collect(Collectors.toSet());
            assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
        }
        for (String resource : resources) {
            for (Map<String, Object> document : k8sDocuments(resource)) {
                assertThat(document).as(resource).containsKeys("apiVersion", "kind", "metadata");
            }
        }
    }

    @Test
    void theDeploymentRunsTwoOrMoreHubsWithProbesConfigFoldersSecretsAndResources() throws IOException {
        Map<String, Object> deployment = k8s("Deployment", "hub");
        Map<String, Object> spec = map(deployment, "spec");
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);

        Map<String, Object> hub = maps(pod, "containers").get(0);
        assertThat(map(map(hub, "readinessProbe"), "httpGet")).containsEntry("path", "/actuator/health/readiness");
        assertThat(map(map(hub, "livenessProbe"), "httpGet")).containsEntry("path", "/actuator/health/liveness");
        assertThat(map(map(hub, "startupProbe"), "httpGet")).containsEntry("path", "/actuator/health/liveness");
        assertThat(map(map(hub, "resources"), "requests")).containsKeys("cpu", "memory");
        assertThat(map(map(hub, "resources"), "limits")).containsKey("memory");
        assertThat(maps(hub, "ports")).anyMatch(p -> Objects.equals(p.get("containerPort"), 8080));
        assertThat(maps(hub, "env")).anyMatch(e -> "HUB_EMBEDDED_ENABLED".equals(e.get("name")) && "false".equals(e.get("value")));

        Set<String> envFrom = new HashSet<>();
        for (Map<String, Object> source : maps(hub, "envFrom")) {
            source.forEach((kind, ref) -> envFrom.add(kind + "/" + ((Map<?, ?>) ref).get("name")));
        }
        assertThat(envFrom).containsExactlyInAnyOrder("configMapRef/hub-env", "secretRef/hub-secrets");

        Map<String, String> mountedConfigMaps = new LinkedHashMap<>();
        Map<String, String> volumes = new LinkedHashMap<>();
        for (Map<String, Object> volume : maps(pod, "volumes")) {
            if (volume.containsKey("configMap")) {
                volumes.put(String.valueOf(volume.get("name")), String.valueOf(map(volume, "configMap").get("name")));
            }
        }
        for (Map<String, Object> mount : maps(hub, "volumeMounts")) {
            String configMap = volumes.get(String.valueOf(mount.get("name")));
            if (configMap != null) {
                mountedConfigMaps.put(String.valueOf(mount.get("mountPath")), configMap);
            }
        }
        assertThat(mountedConfigMaps).containsEntry("/opt/hub/connectors", "hub-connectors")
                .containsEntry("/opt/hub/mappings", "hub-mappings").containsEntry("/opt/hub/routes", "hub-routes");

        Map<String, Object> service = k8s("Service", "hub");
        assertThat(map(map(service, "spec"), "selector")).isEqualTo(map(map(spec, "selector"), "matchLabels"));
        assertThat(map(map(map(k8s("PodDisruptionBudget", "hub"), "spec"), "selector"), "matchLabels"))
                .isEqualTo(map(map(spec, "selector"), "matchLabels"));
    }

    @Test
    void kubernetesSetsEveryConnectorVariableAndKeepsCredentialsInTheSecret() throws IOException {
        Map<String, Object> env = map(k8s("ConfigMap", "hub-env"), "data");
        Map<String, Object> secrets = map(k8s("Secret", "hub-secrets"), "stringData");
        assertThat(env).containsKeys("SPRING_DATASOURCE_URL", "HUB_KAFKA_BOOTSTRAP_SERVERS")
                .doesNotContainKeys("SPRING_DATASOURCE_PASSWORD", "SPRING_DATASOURCE_USERNAME");
        assertThat(String.valueOf(env.get("SPRING_PROFILES_ACTIVE"))).doesNotContain("sandbox");
        assertThat(secrets).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat(secrets).as("variables the hub cannot start without").containsKeys(requiredVariables().toArray(String[]::new));
        assertThat(env.keySet()).noneMatch(k -> k.endsWith("_PASSWORD") || k.endsWith("_USER"));

        Set<String> variables = connectorVariables();
        assertThat(variables).hasSizeGreaterThan(20);
        for (String variable : variables) {
            boolean secret = variable.endsWith("_PASSWORD") || variable.endsWith("_USER");
            assertThat(secret ? secrets : env).as("%s, used in connectors/, is set on the cluster", variable).containsKey(variable);
        }
    }

    // ---------------------------------------------------------------- Testcontainers profile

    @Test
    void testcontainersComeOnlyWithTheContainersProfile() throws Exception {
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("count(/project/dependencies/dependency[groupId='org.testcontainers'])", pom))
                .as("the default build needs no Testcontainers").isEqualTo("0");
        String profile = "/project/profiles/profile[id='containers']";
        assertThat(xpath.evaluate("count(" + profile + "/dependencies/dependency[groupId='org.testcontainers'"
                + " and (artifactId='postgresql' or artifactId='kafka') and scope='test'])", pom)).isEqualTo("2");
        String sources = xpath.evaluate(profile + "//execution[goals/goal='add-test-source']//source", pom).strip();
        String resources = xpath.evaluate(profile + "//execution[goals/goal='add-test-resource']//directory", pom).strip();
        assertThat(Path.of(sources).resolve("gov/onceonly/hub/containers/ContainerInfrastructure.java")).exists();
        assertThat(Files.readString(Path.of(resources).resolve("META-INF/spring.factories")))
                .contains("gov.onceonly.hub.containers.ContainerInfrastructure");
        assertThat(Path.of("src/test/resources/META-INF/spring.factories")).as("not registered in the default build").doesNotExist();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            assertThat(document).as(file.toString()).isNotNull();
            return document;
        }
    }

    private static List<Map<String, Object>> k8sDocuments(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("k8s").resolve(file))) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) document;
                    documents.add(map);
                }
            }
        }
        assertThat(documents).as(file).isNotEmpty();
        return documents;
    }

    private static Map<String, Object> k8s(String kind, String name) throws IOException {
        for (String resource : list(yaml(DOCKER.resolve("k8s/kustomization.yaml")), "resources")) {
            for (Map<String, Object> document : k8sDocuments(resource)) {
                if (kind.equals(document.get("kind")) && name.equals(map(document, "metadata").get("name"))) {
                    return document;
                }
            }
        }
        throw new AssertionError("no " + kind + " " + name + " in docker/k8s");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        return (Map<String, Object>) yaml(DOCKER.resolve("compose.yaml")).get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> service = (Map<String, Object>) services().get(name);
        assertThat(service).as("service %s in compose.yaml", name).isNotNull();
        return service;
    }

    /** The hub instances: services running the hub image, in file order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> hubs() throws IOException {
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
    private static Map<String, String> environment(Map<String, Object> service) {
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

    private static List<String> ports(Map<String, Object> service) {
        return list(service, "ports");
    }

    @SuppressWarnings("unchecked")
    private static String condition(Map<String, Object> service, String dependency) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> map && map.get(dependency) instanceof Map<?, ?> spec) {
            return String.valueOf(spec.get("condition"));
        }
        return dependsOn instanceof List<?> list && list.contains(dependency) ? "service_started" : null;
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key).isNotNull();
        return String.valueOf(value);
    }

    private static List<String> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        assertThat(value).as(key).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * What the hub cannot start without outside the sandbox: the operator's password, and every {@code ${VAR:}}
     * (an empty default) of application.properties.
     */
    private static Set<String> requiredVariables() throws IOException {
        Set<String> required = new TreeSet<>(Set.of("HUB_OPERATOR_PASSWORD"));
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):}").matcher(
                Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            required.add(m.group(1));
        }
        return required;
    }

    /** Every ${VARIABLE:default} of connectors/*.yaml: the settings a deployment gives each department system. */
    private static Set<String> connectorVariables() throws IOException {
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

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> dockerfileInstructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return instructions;
    }

    private static int lastIndexMatching(List<String> lines, String regex) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        throw new AssertionError("no line matches " + regex);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
