package gov.onceonly.hub.deploy;

import gov.onceonly.hub.evidence.Ed25519Keys;
import gov.onceonly.hub.evidence.EvidenceKeyStore;
import gov.onceonly.hub.evidence.EvidenceSigner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static gov.onceonly.hub.deploy.DeploymentFiles.APPLICATION_PROPERTIES;
import static gov.onceonly.hub.deploy.DeploymentFiles.DOCKER;
import static gov.onceonly.hub.deploy.DeploymentFiles.condition;
import static gov.onceonly.hub.deploy.DeploymentFiles.connectorVariables;
import static gov.onceonly.hub.deploy.DeploymentFiles.environment;
import static gov.onceonly.hub.deploy.DeploymentFiles.hubs;
import static gov.onceonly.hub.deploy.DeploymentFiles.list;
import static gov.onceonly.hub.deploy.DeploymentFiles.ports;
import static gov.onceonly.hub.deploy.DeploymentFiles.requiredVariables;
import static gov.onceonly.hub.deploy.DeploymentFiles.service;
import static gov.onceonly.hub.deploy.DeploymentFiles.services;
import static gov.onceonly.hub.deploy.DeploymentFiles.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker/compose.yaml} runs what docs/deployment.md promises: PostgreSQL 16 and one KRaft broker, two hubs on
 * the same database and broker, one of them hosting the sandbox departments behind a relay.
 */
class ComposeFileTest {

    /**
     * hub-2 runs the prod profile: a value the sandbox publishes (application-sandbox.properties) must not reach it,
     * neither as a compose default nor written out, and no secret has a default at all (scripts/compose-secrets
     * writes docker/.env).
     */
    @Test
    void noValueTheSandboxPublishesIsACredentialHere() throws IOException {
        String compose = java.nio.file.Files.readString(java.nio.file.Path.of("docker/compose.yaml"));
        java.util.regex.Matcher published = java.util.regex.Pattern.compile("\\$\\{[A-Z_]+:([^}]+)}")
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/application-sandbox.properties")));
        List<String> values = new java.util.ArrayList<>();
        while (published.find()) {
            values.add(published.group(1));
        }
        assertThat(values).contains("sandbox-portal-secret", "sandbox-operator");
        values.stream().filter(v -> v.length() >= 8 && !v.startsWith("http") && !v.startsWith("jdbc")).forEach(value ->
                assertThat(compose).as("the sandbox's published value " + value).doesNotContain(value));
        assertThat(compose).doesNotContainPattern("\\$\\{[A-Z_]*(PASSWORD|SECRET|KEY)[A-Z_]*:-")
                .doesNotContain("demo-password");
    }

    @Test
    void composeRunsPostgres16AndThreeKraftBrokersThatSurviveTheLossOfOne() throws IOException {
        assertThat(string(service("postgres"), "image")).matches("postgres:16(\\.\\d+)*(-[a-z0-9.]+)?");

        List<String> brokers = List.of("kafka-1", "kafka-2", "kafka-3");
        assertThat(services()).doesNotContainKeys("kafka", "zookeeper");
        Set<String> nodeIds = new HashSet<>();
        for (String name : brokers) {
            Map<String, Object> kafka = service(name);
            assertThat(string(kafka, "image")).startsWith("apache/kafka:");
            Map<String, String> env = environment(kafka);
            assertThat(env.get("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
            assertThat(env).containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES",
                    "CLUSTER_ID").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://" + name + ":9092");
            assertThat(env.get("CLUSTER_ID")).as("a KRaft cluster id is 16 bytes in URL-safe base64").matches("[A-Za-z0-9_-]{22}");
            // Three replicas, two in sync for an acknowledged write: the loss of one broker loses nothing acknowledged.
            assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");

            // The hub creates its topics with the broker's default partition count; a hub without a partition idles.
            int hubs = hubs().size();
            int consumers = Integer.parseInt(applicationProperties().getProperty("hub.pipeline.consumers"));
            assertThat(Integer.parseInt(env.get("KAFKA_NUM_PARTITIONS")))
                    .as("partitions for %d hubs x %d consumers", hubs, consumers).isGreaterThanOrEqualTo(hubs * consumers);
        }
        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
        for (var hub : hubs().entrySet()) {
            Map<String, String> env = environment(hub.getValue());
            assertThat(env).as(hub.getKey()).containsEntry("HUB_KAFKA_REPLICATION_FACTOR", "3")
                    .containsEntry("HUB_KAFKA_MIN_INSYNC_REPLICAS", "2");
            assertThat(env.get("HUB_KAFKA_BOOTSTRAP_SERVERS").split(",")).as(hub.getKey())
                    .containsExactly("kafka-1:9092", "kafka-2:9092", "kafka-3:9092");
        }
    }

    @Test
    void twoHubsShareOneDatabaseAndOneKafkaClusterAsOneConsumerGroupOnDistinctPorts() throws IOException {
        Map<String, Map<String, Object>> hubs = hubs();
        assertThat(hubs).hasSizeGreaterThanOrEqualTo(2);

        Map<String, String> postgres = environment(service("postgres"));
        String expectedUrl = "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB");
        Set<String> required = requiredVariables();
        Set<String> hostPorts = new HashSet<>();
        for (var hub : hubs.entrySet()) {
            Map<String, String> env = environment(hub.getValue());
            assertThat(env.get("SPRING_DATASOURCE_URL")).as(hub.getKey()).isEqualTo(expectedUrl);
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(hub.getKey()).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as(hub.getKey()).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            for (String bootstrap : env.get("HUB_KAFKA_BOOTSTRAP_SERVERS").split(",")) {
                assertThat(environment(service(bootstrap.substring(0, bootstrap.indexOf(':')))).get("KAFKA_ADVERTISED_LISTENERS"))
                        .as("a listener the hubs can reach").contains("://" + bootstrap);
            }
            assertThat(env.getOrDefault("HUB_KAFKA_GROUP_PREFIX", "hub")).as(hub.getKey()).isEqualTo("hub");
            for (String variable : required) {
                assertThat(env.get(variable)).as("%s of %s, which the hub cannot start without", variable, hub.getKey())
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
                .filter(h -> List.of(environment(h.getValue()).getOrDefault("SPRING_PROFILES_ACTIVE", "").split(","))
                        .contains("sandbox"))
                .map(Map.Entry::getKey).toList();
        assertThat(sandboxHosts).as("hubs running the sandbox departments").hasSize(1);
        String host = sandboxHosts.get(0);
        // The production image has no sandbox: the sandbox host runs the sandbox edition, every other the production one.
        hubs.forEach((name, hub) -> assertThat(edition(hub)).as(name).isEqualTo(name.equals(host) ? "sandbox" : "production"));

        Map<String, Object> relay = service("departments");
        assertThat(string(relay, "network_mode")).isEqualTo("service:" + host);
        List<String> command = list(relay, "command");
        String listen = command.stream().filter(a -> a.startsWith("TCP-LISTEN:")).findFirst().orElseThrow();
        String relayPort = listen.substring("TCP-LISTEN:".length()).split(",")[0];
        assertThat(command).contains("TCP:127.0.0.1:18090");
        assertThat(ports(hubs.get(host))).as("the relay's port is published by the hub whose network it shares")
                .contains("18090:" + relayPort);

        String dbUser = environment(service("postgres")).get("POSTGRES_USER");
        for (var hub : hubs.entrySet()) {
            if (hub.getKey().equals(host)) {
                continue;
            }
            Map<String, String> env = environment(hub.getValue());
            assertThat(env.get("HUB_SANDBOX_URL")).as(hub.getKey()).isEqualTo("http://" + host + ":" + relayPort);
            assertThat(env.get("HUB_SANDBOX_POSTGRES_URL")).as(hub.getKey()).isEqualTo("jdbc:postgresql://postgres:5432");
            assertThat(env.get("HUB_SANDBOX_POSTGRES_USER")).as(hub.getKey()).isEqualTo(dbUser);
            assertThat(condition(hub.getValue(), host)).as("%s waits for the departments", hub.getKey()).isEqualTo("service_healthy");
        }
    }

    /**
     * Both hubs export their spans over OTLP/HTTP to the Jaeger service (management.otlp.tracing.endpoint, which
     * switches export on: docs/operations.md), whose UI is published.
     */
    @Test
    void everyHubExportsItsTracesToTheTraceBackend() throws IOException {
        Map<String, Object> jaeger = service("jaeger");
        assertThat(string(jaeger, "image")).startsWith("jaegertracing/all-in-one:");
        assertThat(ports(jaeger)).contains("16686:16686");
        for (var hub : hubs().entrySet()) {
            assertThat(environment(hub.getValue())).as(hub.getKey())
                    .containsEntry("MANAGEMENT_OTLP_TRACING_ENDPOINT", "http://jaeger:4318/v1/traces");
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

    @SuppressWarnings("unchecked")
    private static String edition(Map<String, Object> hub) {
        Map<String, Object> args = (Map<String, Object>) ((Map<String, Object>) hub.get("build")).getOrDefault("args", Map.of());
        return String.valueOf(args.getOrDefault("HUB_EDITION", "production"));
    }

    @Test
    void hubsStartOnceTheirDatabaseAndBrokerAreHealthy() throws IOException {
        assertThat(service("postgres")).containsKey("healthcheck");
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(service(broker)).containsKey("healthcheck");
        }
        Map<String, Map<String, Object>> hubs = hubs();
        for (var hub : hubs.entrySet()) {
            assertThat(condition(hub.getValue(), "postgres")).as(hub.getKey()).isEqualTo("service_healthy");
            for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
                assertThat(condition(hub.getValue(), broker)).as(hub.getKey()).isEqualTo("service_healthy");
            }
            assertThat(string(hub.getValue(), "stop_grace_period")).as("%s stops gracefully, not after 10 s", hub.getKey())
                    .matches("([2-9]\\d|\\d{3,})s");
        }
        assertThat(hubs.values()).anyMatch(h -> h.containsKey("build"));
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) hubs.values().stream().filter(h -> h.containsKey("build"))
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

    /**
     * Both hubs sign checkpoints with one key, from the PKCS#12 keystore scripts/compose-secrets makes, mounted as a
     * compose secret, its password from docker/.env; neither takes the key as a value (hub-2's production mode refuses
     * one, and hub-1 blanks the one its sandbox profile publishes).
     */
    @Test
    void bothHubsSignCheckpointsWithTheKeyOfOneMountedKeystore() throws IOException {
        Map<String, Object> secrets = DeploymentFiles.map(DeploymentFiles.yaml(DOCKER.resolve("compose.yaml")), "secrets");
        Set<String> stores = new HashSet<>();
        for (var hub : hubs().entrySet()) {
            Map<String, String> env = environment(hub.getValue());
            assertThat(env.getOrDefault("HUB_EVIDENCE_SIGNING_KEY", "")).as(hub.getKey()).isEmpty();
            String store = env.get("HUB_EVIDENCE_KEY_STORE");
            assertThat(store).as(hub.getKey()).startsWith("/run/secrets/");
            String secret = store.substring("/run/secrets/".length());
            assertThat(list(hub.getValue(), "secrets")).as(hub.getKey()).contains(secret);
            assertThat(DeploymentFiles.map(secrets, secret)).containsEntry("file", "./evidence.p12");
            assertThat(env.get("HUB_EVIDENCE_KEY_STORE_PASSWORD")).as("%s: required from docker/.env", hub.getKey())
                    .contains("HUB_EVIDENCE_KEY_STORE_PASSWORD is unset (run scripts/compose-secrets once");
            stores.add(store);
        }
        assertThat(stores).hasSize(1);
        assertThat(Files.readString(Path.of(".gitignore"))).contains("docker/evidence.p12");
    }

    /**
     * scripts/compose-secrets, run in a scratch copy of the repository's layout: docker/.env (0600) holds every value
     * compose requires and the keystore's password, no checkpoint key; docker/evidence.p12 is an Ed25519 key that
     * opens with that password, as the hubs open it. A docker/.env from before the keystore has its key rotated out,
     * the old public half trusted.
     */
    @Test
    void composeSecretsMakesTheKeystoreAndPutsItsPasswordInDotEnv(@TempDir Path root) throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "scripts/compose-secrets needs openssl");
        Files.createDirectories(root.resolve("docker"));
        Files.createDirectories(root.resolve("scripts"));
        Files.copy(Path.of("scripts/compose-secrets"), root.resolve("scripts/compose-secrets"));

        composeSecrets(root);
        Map<String, String> dotEnv = dotEnv(root);
        String compose = Files.readString(DOCKER.resolve("compose.yaml"));
        java.util.regex.Matcher required = java.util.regex.Pattern.compile("\\$\\{([A-Z_]+):?\\?").matcher(compose);
        while (required.find()) {
            assertThat(dotEnv).as("docker/.env sets what compose requires").containsKey(required.group(1));
        }
        assertThat(dotEnv).doesNotContainKey("HUB_EVIDENCE_SIGNING_KEY").containsEntry("HUB_EVIDENCE_TRUSTED_PUBLIC_KEYS", "");
        assertThat(Files.getPosixFilePermissions(root.resolve("docker/.env")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(root.resolve("docker/evidence.p12")))
                .as("readable by the hubs' user through the bind mount").contains(PosixFilePermission.OTHERS_READ);
        EvidenceKeyStore.Entry entry = EvidenceKeyStore.load("PKCS12", root.resolve("docker/evidence.p12"),
                dotEnv.get("HUB_EVIDENCE_KEY_STORE_PASSWORD").toCharArray(), "");
        assertThat(new EvidenceSigner(entry.key(), entry.publicKey(), false, List.of()).algorithm()).isEqualTo("Ed25519");

        String oldKey = Ed25519Keys.generate();
        Files.writeString(root.resolve("docker/.env"), "HUB_DB_PASSWORD=kept\nHUB_EVIDENCE_SIGNING_KEY=" + oldKey + "\n");
        composeSecrets(root);
        Map<String, String> upgraded = dotEnv(root);
        assertThat(upgraded).containsEntry("HUB_DB_PASSWORD", "kept").doesNotContainKey("HUB_EVIDENCE_SIGNING_KEY")
                .containsEntry("HUB_EVIDENCE_TRUSTED_PUBLIC_KEYS",
                        Ed25519Keys.x509Base64(Ed25519Keys.publicKeyOf(Ed25519Keys.privateKey(oldKey))));
        EvidenceKeyStore.Entry rotated = EvidenceKeyStore.load("PKCS12", root.resolve("docker/evidence.p12"),
                upgraded.get("HUB_EVIDENCE_KEY_STORE_PASSWORD").toCharArray(), "");
        assertThat(rotated.publicKey()).isNotEqualTo(entry.publicKey());
    }

    private static void composeSecrets(Path root) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("scripts/compose-secrets").toString())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Map<String, String> dotEnv(Path root) throws IOException {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(root.resolve("docker/.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        return properties;
    }
}
