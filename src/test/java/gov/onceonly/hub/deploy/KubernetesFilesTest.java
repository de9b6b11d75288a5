package gov.onceonly.hub.deploy;

import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.TransportSecurityTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static gov.onceonly.hub.deploy.DeploymentFiles.DOCKER;
import static gov.onceonly.hub.deploy.DeploymentFiles.connectorVariables;
import static gov.onceonly.hub.deploy.DeploymentFiles.list;
import static gov.onceonly.hub.deploy.DeploymentFiles.map;
import static gov.onceonly.hub.deploy.DeploymentFiles.maps;
import static gov.onceonly.hub.deploy.DeploymentFiles.requiredVariables;
import static gov.onceonly.hub.deploy.DeploymentFiles.yaml;
import static gov.onceonly.hub.deploy.DeploymentFiles.yamlDocuments;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of {@code docker/k8s/} run the shape docs/deployment.md describes ("Kubernetes"): two or more hubs
 * with probes, config folders from ConfigMaps and credentials from a Secret, and no connector left unconfigured.
 */
class KubernetesFilesTest {

    private static final Path K8S = DOCKER.resolve("k8s");

    @Test
    void theKubernetesManifestsParseAndTheKustomizationListsThemAll() throws IOException {
        List<String> resources = resources();
        try (Stream<Path> files = Files.list(K8S)) {
            Set<String> manifests = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).collect(Collectors.toSet());
            assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
        }
        for (String resource : resources) {
            for (Map<String, Object> document : yamlDocuments(K8S.resolve(resource))) {
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

        Map<String, Object> podSelector = map(map(spec, "selector"), "matchLabels");
        assertThat(map(map(k8s("Service", "hub"), "spec"), "selector")).isEqualTo(podSelector);
        assertThat(map(map(map(k8s("PodDisruptionBudget", "hub"), "spec"), "selector"), "matchLabels"))
                .isEqualTo(podSelector);
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
        assertThat(env.keySet()).noneMatch(KubernetesFilesTest::isCredential);

        Set<String> variables = connectorVariables();
        assertThat(variables).hasSizeGreaterThan(20);
        for (String variable : variables) {
            assertThat(isCredential(variable) ? secrets : env).as("%s, used in connectors/, is set on the cluster", variable)
                    .containsKey(variable);
        }
    }

    @Test
    void theClusterReachesNoDepartmentInClearSoTheHubStarts() throws IOException {
        MockEnvironment env = new MockEnvironment();
        map(k8s("ConfigMap", "hub-env"), "data").forEach((name, value) -> env.setProperty(name, String.valueOf(value)));
        env.setProperty("hub.kafka.bootstrap-servers", env.getProperty("HUB_KAFKA_BOOTSTRAP_SERVERS"));

        assertThat(TransportSecurityTest.problems(ConnectorCatalog.load(Path.of("."), Path.of("connectors")), env))
                .as("what the hub would refuse at startup with this ConfigMap").isEmpty();
    }

    /**
     * The checkpoint key is a keystore file from a Secret of its own, mounted read-only and readable by the hub's group
     * only, its password in hub-secrets; never a value in the environment (a hub outside the sandbox refuses one).
     */
    @Test
    void theCheckpointKeyIsAKeystoreFileFromASecretNeverAValue() throws IOException {
        Map<String, Object> secrets = map(k8s("Secret", "hub-secrets"), "stringData");
        assertThat(secrets).doesNotContainKey("HUB_EVIDENCE_SIGNING_KEY").containsKey("HUB_EVIDENCE_KEY_STORE_PASSWORD");
        assertThat(map(k8s("ConfigMap", "hub-env"), "data")).doesNotContainKey("HUB_EVIDENCE_SIGNING_KEY");

        Map<String, Object> pod = map(map(map(k8s("Deployment", "hub"), "spec"), "template"), "spec");
        Map<String, Object> hub = maps(pod, "containers").get(0);
        String store = maps(hub, "env").stream().filter(e -> "HUB_EVIDENCE_KEY_STORE".equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value"))).findFirst().orElseThrow();
        Map<String, Object> mount = maps(hub, "volumeMounts").stream()
                .filter(m -> store.startsWith(m.get("mountPath") + "/")).findFirst().orElseThrow();
        assertThat(mount).containsEntry("readOnly", true);
        Map<String, Object> volume = maps(pod, "volumes").stream().filter(v -> mount.get("name").equals(v.get("name")))
                .findFirst().orElseThrow();
        Map<String, Object> secretVolume = map(volume, "secret");
        assertThat(((Integer) secretVolume.get("defaultMode")) & 07).as("not readable by others").isZero();
        assertThat(map(k8s("Secret", String.valueOf(secretVolume.get("secretName"))), "data"))
                .containsKey(store.substring(store.lastIndexOf('/') + 1));
    }

    /** A connector's user or password, which belongs in the Secret. */
    private static boolean isCredential(String variable) {
        return variable.endsWith("_PASSWORD") || variable.endsWith("_USER");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaRunsThreeKraftBrokersWhoseLossOfOneLosesNothingAcknowledged() throws IOException {
        List<Map<String, Object>> documents = yamlDocuments(DOCKER.resolve("k8s/kafka/kafka.yaml"));
        Map<String, Object> brokers = documents.stream().filter(d -> "StatefulSet".equals(d.get("kind"))).findFirst().orElseThrow();
        assertThat(map(brokers, "spec").get("replicas")).isEqualTo(3);
        Map<String, Object> container = maps(map(map(map(brokers, "spec"), "template"), "spec"), "containers").get(0);
        Map<String, String> env = maps(container, "env").stream().collect(Collectors.toMap(
                e -> (String) e.get("name"), e -> String.valueOf(e.get("value"))));
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).hasSize(3);
        assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
        Map<String, Object> budget = documents.stream().filter(d -> "PodDisruptionBudget".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        assertThat(map(budget, "spec").get("maxUnavailable")).isEqualTo(1);

        Map<String, Object> hubEnv = map(yaml(DOCKER.resolve("k8s/hub-env.yaml")), "data");
        assertThat(hubEnv).containsEntry("HUB_KAFKA_REPLICATION_FACTOR", "3").containsEntry("HUB_KAFKA_MIN_INSYNC_REPLICAS", "2");
        assertThat(String.valueOf(hubEnv.get("HUB_KAFKA_BOOTSTRAP_SERVERS")).split(",")).hasSize(3);
    }

    /** The manifests the kustomization applies. */
    private static List<String> resources() throws IOException {
        return list(yaml(K8S.resolve("kustomization.yaml")), "resources");
    }

    /** The resource of that kind and name among the kustomization's manifests. */
    private static Map<String, Object> k8s(String kind, String name) throws IOException {
        for (String resource : resources()) {
            for (Map<String, Object> document : yamlDocuments(K8S.resolve(resource))) {
                if (kind.equals(document.get("kind")) && name.equals(map(document, "metadata").get("name"))) {
                    return document;
                }
            }
        }
        throw new AssertionError("no " + kind + " " + name + " in docker/k8s");
    }
}
