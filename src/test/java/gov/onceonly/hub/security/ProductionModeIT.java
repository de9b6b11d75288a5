package gov.onceonly.hub.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar hub.jar}, as the image runs it, with no profile: production mode. Given the sandbox's published
 * secrets (as environment variables, the way a careless deployment would pass them) it refuses to start, names every
 * one of them in one message, and never opens its port or starts an embedded database.
 */
class ProductionModeIT {

    private static final Map<String, String> SANDBOX_VALUES = Map.of(
            "HUB_OPERATOR_PASSWORD", "sandbox-operator",
            "HUB_SIGNING_PRIVATE_KEY", "MC4CAQAwBQYDK2VwBCIEIHOKz9xtJINKGt2t7AaJxMiy9ND0mGl7kuc30E9BpLcn",
            "HUB_ENCRYPTION_KEY", "NlVF+937OslNZfXl2+gkOuMMrll3/QoehRgb/LQoLUU=",
            "HUB_EVIDENCE_SIGNING_KEY", "MC4CAQAwBQYDK2VwBCIEILlNHDf22iyPJBcwwPRT99zOeWkRk0EyWQd2K9GiQkVW",
            "SPRING_APPLICATION_JSON", "{\"hub\":{\"clients\":{\"portal\":{\"role\":\"channel\",\"secret\":\"change-me\"},"
                    + "\"weijian\":{\"role\":\"department\",\"department\":\"市卫生健康委\",\"secret\":\"change-me\"}}}}");

    @Test
    void theJarWithNoProfileRefusesTheSandboxSecrets() throws Exception {
        Path data = Path.of("target", "it-data", "production-mode");
        org.springframework.util.FileSystemUtils.deleteRecursively(data);
        Files.createDirectories(data);
        String output = runJar(SANDBOX_VALUES, data, "--hub.reload.enabled=true");

        assertThat(output).contains("production mode (the sandbox profile is not active)",
                "hub.security.operator.password (HUB_OPERATOR_PASSWORD): is a value published in the repository",
                "hub.signing.private-key (HUB_SIGNING_PRIVATE_KEY): is a value published in the repository",
                "hub.encryption.key (HUB_ENCRYPTION_KEY): is a value published in the repository",
                // Any key given as a value, published or not: outside the sandbox it comes from a keystore or an HSM.
                "hub.evidence.signing-key (HUB_EVIDENCE_SIGNING_KEY): is set: outside the sandbox the checkpoint key is "
                        + "never a value in the environment or the properties",
                "hub.evidence.key-store (HUB_EVIDENCE_KEY_STORE, a file: keytool -genkeypair -keyalg Ed25519 -storetype PKCS12)",
                "hub.evidence.key-store-type=PKCS11",
                "hub.clients.portal.secret: is a value published in the repository",
                "hub.clients.weijian.secret: is the same as hub.clients.portal.secret",
                "hub.reload.enabled: must be false");
        assertThat(output).doesNotContain("Embedded PostgreSQL on", "Tomcat started");
        assertThat(data.resolve("postgres")).doesNotExist();
    }

    @Test
    void theJarWithNothingSetListsEverySecretToSet() throws Exception {
        String output = runJar(Map.of(), Files.createDirectories(Path.of("target", "it-data", "production-mode-empty")));

        assertThat(output).contains("hub.security.operator.password (HUB_OPERATOR_PASSWORD): is not set",
                "hub.signing.private-key (HUB_SIGNING_PRIVATE_KEY): is not set",
                "hub.encryption.key (HUB_ENCRYPTION_KEY): is not set",
                "hub.evidence.key-store (HUB_EVIDENCE_KEY_STORE): is not set",
                "--spring.profiles.active=sandbox");
    }

    private static String runJar(Map<String, String> environment, Path data, String... arguments)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-jar",
                Path.of("target", "hub.jar").toAbsolutePath().toString(), "--server.port=0",
                "--hub.embedded.data-dir=" + data.toAbsolutePath()));
        command.addAll(List.of(arguments));
        Path log = data.resolve("hub.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HUB_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the hub refuses to start, see %s", log).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("exit code").isNotZero();
        return Files.readString(log);
    }
}
