package gov.onceonly.hub.tutorial;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.lint.LintCommand;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** docs/tutorial-add-a-bundle.md against the running hub: lint, hot reload, the sandbox's example, three deliveries. */
class AddABundleTutorialIT extends HubIntegrationTest {

    private static final String PAGE = "tutorial-add-a-bundle.md";
    private static final Path ROOT = Path.of(CONFIG_ROOT);

    @Autowired
    SandboxApplications examples;
    @TempDir
    Path lintRoot;

    @AfterEach
    void restore() throws Exception {
        for (String file : TutorialFiles.of(PAGE).newFiles()) {
            Files.deleteIfExists(ROOT.resolve(file));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !config().path("bundleVersions").has("resident-relocation"));
    }

    @Test
    void theTutorialWorksAsWritten() throws Exception {
        TutorialFiles tutorial = TutorialFiles.of(PAGE);
        TutorialFiles.copyShippedConfig(lintRoot);
        tutorial.writeTo(lintRoot, text -> text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = LintCommand.run(List.of(lintRoot.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 error(s), 0 warning(s)");

        tutorial.writeTo(ROOT, text -> text);
        await().atMost(Duration.ofSeconds(20)).until(() -> config().path("bundleVersions").has("resident-relocation"));
        JsonNode bundle = hub.body(hub.get("/api/v1/bundles/resident-relocation"));
        assertThat(bundle.path("items").size()).isEqualTo(3);

        String statusUrl = hub.submit(examples.sample("resident-relocation").json());
        UUID id = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from application_item where application_id = ? and delivered_at is not null", Long.class, id) == 3);
        JsonNode household = itemRecord(id, "household-move");
        assertThat(household.path("toAddress").asText()).isEqualTo("重庆市江北区观音桥步行街8号");
        assertThat(household.path("fromAddress").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from pulled_dataset where application_id = ? "
                + "and connector_id = 'gongan-population'", Long.class, id)).as("asked once for three items").isEqualTo(1);
        JsonNode view = hub.body(hub.get(statusUrl));
        assertThat(view.path("filledByHub").asInt()).isEqualTo(8);
        assertThat(view.path("filledByApplicant").asInt()).isEqualTo(6);
    }

    private JsonNode config() throws Exception {
        return hub.body(hub.asOperator().get("/api/v1/ops/config"));
    }
}
