package gov.onceonly.hub.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static gov.onceonly.hub.deploy.DeploymentFiles.DOCKER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker/Dockerfile} builds the image docs/deployment.md describes, with its health check script
 * {@code docker/healthcheck.sh} and the BuildKit ignore file {@code docker/Dockerfile.dockerignore}.
 */
class ContainerImageTest {

    @Test
    void theImageIsALayeredBootJarOnAJre17RunAsANonRootUserWithAReadinessHealthCheck() throws IOException {
        List<String> lines = dockerfileInstructions();
        int runtime = lastIndexMatching(lines, "FROM .*");
        assertThat(lines.get(runtime)).isEqualTo("FROM eclipse-temurin:17-jre");
        assertThat(lines).anyMatch(l -> l.startsWith("RUN java -Djarmode=tools -jar") && l.contains("extract --layers --launcher"));

        // The production build by default: no sandbox, no embedded infrastructure in the image.
        assertThat(lines).contains("ARG HUB_EDITION=production")
                .anyMatch(l -> l.startsWith("RUN ") && l.contains("edition=-Dproduction") && l.contains("package"));

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

        // The BuildKit ignore file must let through everything the build copies from the context.
        String ignore = Files.readString(DOCKER.resolve("Dockerfile.dockerignore"));
        List<String> copied = lines.stream().filter(l -> l.startsWith("COPY ") && !l.startsWith("COPY --from"))
                .map(l -> l.split("\\s+")[1]).toList();
        assertThat(copied).contains("pom.xml", "src/main/", "src/production/", "schemas/", "connectors/", "docker/healthcheck.sh");
        copied.forEach(source -> assertThat(ignore).contains("!" + source));
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
}
