package gov.onceonly.hub.catalog;

import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.SecondHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken mapping or connector file stops the hub at startup, with the lint's file:line:column line. */
class BrokenConfigurationIT extends HubIntegrationTest {

    @TempDir
    Path root;
    @Value("${hub.kafka.bootstrap-servers}")
    String broker;
    @Value("${spring.datasource.url}")
    String database;

    @Test
    void aMappingDemandingAnUnknownFieldStopsStartup() throws Exception {
        copyConfiguration();
        Path newborn = root.resolve("mappings/newborn.yaml");
        Files.writeString(newborn, Files.readString(newborn)
                .replace("birthTime: { from: weijian-birth-records/birth.birthTime }",
                        "birthTime: { from: weijian-birth-records/birth.date }"));

        assertThatThrownBy(() -> startOn(root)).rootCause()
                .hasMessageContaining("mappings/newborn.yaml:58:26: error: items[0].demands.birthTime.from: unknown dataset field 'birth.date'");
    }

    @Test
    void aConnectorWithoutItsUrlStopsStartup() throws Exception {
        copyConfiguration();
        Path connector = root.resolve("connectors/weijian-birth-records.yaml");
        Files.writeString(connector, Files.readString(connector).replaceFirst("  url: .*\\n", ""));

        assertThatThrownBy(() -> startOn(root)).rootCause()
                .hasMessageContaining("connectors/weijian-birth-records.yaml:8:1: error: jdbc.url: is required");
    }

    private void startOn(Path configRoot) {
        SecondHub.start("broken", Map.of(
                "hub.config-root", configRoot.toString(),
                "spring.datasource.url", database,
                "spring.datasource.username", "postgres",
                "hub.kafka.bootstrap-servers", broker)).close();
    }

    private void copyConfiguration() throws Exception {
        for (String folder : new String[]{"connectors", "mappings", "routes"}) {
            FileSystemUtils.copyRecursively(Path.of(folder), root.resolve(folder));
        }
    }
}
