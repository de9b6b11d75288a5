package gov.onceonly.hub.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production build (mvn package -Dproduction) swaps in its own spring.factories: the same entries, less the
 * embedded infrastructure it leaves out (ArchitectureTest checks that nothing else needs that).
 */
class ProductionBuildTest {

    @Test
    void theProductionFactoriesAreTheDefaultOnesWithoutTheEmbeddedInfrastructure() throws IOException {
        List<String> production = entries(Path.of("src/production/resources/META-INF/spring.factories"));
        List<String> everyOtherBuild = entries(Path.of("src/main/resources/META-INF/spring.factories"));

        assertThat(everyOtherBuild).contains("gov.onceonly.hub.embedded.EmbeddedInfrastructure");
        assertThat(production).containsExactlyElementsOf(everyOtherBuild.stream()
                .filter(entry -> !entry.startsWith("gov.onceonly.hub.embedded.")).toList());
    }

    private static List<String> entries(Path factories) throws IOException {
        return Files.readAllLines(factories).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.replace("\\", "").replace(",", "").strip())
                .toList();
    }
}
