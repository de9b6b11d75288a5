package gov.onceonly.hub.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixtures as the stand-ins read them, and a dataset's path as a stand-in matches a call to it. */
class StandInFixturesTest {

    @TempDir
    Path root;

    @Test
    void readsRecordsByDatasetAndKeyLatencyAndErrorRateAtEachUse() throws Exception {
        Files.createDirectories(root.resolve("connectors/fixtures"));
        Path file = root.resolve("connectors/fixtures/veteran-records.yaml");
        Files.writeString(file, """
                latencyMillis: 20
                errorRate: 0.25
                datasets:
                  service-record:
                    "50010319900101000X": { placementType: 自主就业, months: 24 }
                """);
        StandInFixtures fixtures = new StandInFixtures(root);
        var read = fixtures.of("veteran-records").orElseThrow();
        assertThat(read.latencyMillis()).isEqualTo(20);
        assertThat(read.errorRate()).isEqualTo(0.25);
        assertThat(fixtures.find("veteran-records/service-record", "50010319900101000X").orElseThrow())
                .containsEntry("placementType", "自主就业").containsEntry("months", 24);
        assertThat(fixtures.has("gongan-population")).isFalse();

        Files.writeString(file, "errorRate: 2\n");
        assertThatThrownBy(() -> fixtures.of("veteran-records")).hasMessageContaining("connectors/fixtures/veteran-records.yaml")
                .hasMessageContaining("errorRate");
    }

    @Test
    void aCallMatchesTheDatasetWhosePathItFollows() {
        var m = StandInDepartments.template("/service-record/{key}").matcher("/service-record/500103199001010000");
        assertThat(m.matches()).isTrue();
        assertThat(m.group(1)).isEqualTo("500103199001010000");
        assertThat(StandInDepartments.template("/by-owner/{key}/projects").matcher("/by-owner/X1/projects").matches()).isTrue();
        assertThat(StandInDepartments.template("/service-record/{key}").matcher("/other/5001").matches()).isFalse();
    }
}
