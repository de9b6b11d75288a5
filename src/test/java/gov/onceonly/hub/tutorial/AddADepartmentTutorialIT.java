package gov.onceonly.hub.tutorial;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.lint.LintCommand;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/tutorial-add-a-department.md, followed as a newcomer would against the running hub: its files are written
 * into the hub's configuration root, linted, hot-reloaded, and an application shows the new field.
 */
class AddADepartmentTutorialIT extends HubIntegrationTest {

    private static final String PAGE = "tutorial-add-a-department.md";
    private static final String SAMPLE_ID = "500103199001010000";
    private static final Path ROOT = Path.of(CONFIG_ROOT);

    @TempDir
    Path lintRoot;

    @AfterEach
    void restore() throws Exception {
        Files.copy(Path.of("mappings/newborn.yaml"), ROOT.resolve("mappings/newborn.yaml"), StandardCopyOption.REPLACE_EXISTING);
        for (String file : TutorialFiles.of(PAGE).newFiles()) {
            Files.deleteIfExists(ROOT.resolve(file));
        }
        String original = gov.onceonly.hub.catalog.BundleCatalog.version(Files.readString(Path.of("mappings/newborn.yaml")));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode config = config();
            return config.path("bundleVersions").path("newborn").asText().equals(original)
                    && !config.path("connectors").toString().contains("chc-");
        });
    }

    @Test
    void theTutorialWorksAsWritten() throws Exception {
        TutorialFiles tutorial = TutorialFiles.of(PAGE);
        SyntheticPeople.Family family = familiesWithBirthRecords().get(40);

        // Step 4: the lint passes on the tutorial's files, and the typo it shows gives the error it shows.
        TutorialFiles.copyShippedConfig(lintRoot);
        tutorial.writeTo(lintRoot, text -> text);
        Lint clean = lint(lintRoot);
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("0 error(s), 0 warning(s)");
        String page = Files.readString(Path.of("docs", PAGE));
        String shown = page.lines().filter(l -> l.startsWith("mappings/newborn.yaml:") && l.contains("teamNam'")).findFirst().orElseThrow();
        Files.writeString(lintRoot.resolve("mappings/newborn.yaml"), Files.readString(lintRoot.resolve("mappings/newborn.yaml"))
                .replace("chc-family-doctors/team.teamName", "chc-family-doctors/team.teamNam"));
        Lint typo = lint(lintRoot);
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.out()).contains(lintRoot + "/" + shown);

        // Step 5: the running hub reloads the files and serves the new item.
        String before = config().path("bundleVersions").path("newborn").asText();
        tutorial.writeTo(ROOT, text -> text.replace(SAMPLE_ID, family.mother().idNumber()));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode config = config();
            return !config.path("bundleVersions").path("newborn").asText().equals(before)
                    && config.path("connectors").toString().contains("chc-family-doctors") && config.path("rejected").isNull();
        });

        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        UUID id = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(itemStatus(id)));
        JsonNode record = itemRecord(id, "family-doctor-signup");
        assertThat(record.path("familyDoctorTeam").asText()).isEqualTo("解放碑家庭医生一团队");
        assertThat(record.path("clinic").asText()).isEqualTo("渝中区解放碑社区卫生服务中心");
        assertThat(record.has("signedOn")).as("undeclared columns never enter the hub").isFalse();
        JsonNode view = hub.body(hub.get(statusUrl));
        assertThat(view.toString()).contains("family-doctor-signup").contains("chc-family-doctors/team");
    }

    private String itemStatus(UUID id) {
        List<String> status = jdbc.queryForList("select status from application_item where application_id = ? "
                + "and item_id = 'family-doctor-signup'", String.class, id);
        return status.isEmpty() ? null : status.get(0);
    }

    private JsonNode config() throws Exception {
        return hub.body(hub.asOperator().get("/api/v1/ops/config"));
    }

    private record Lint(int exit, String out) {
    }

    private static Lint lint(Path root) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = LintCommand.run(List.of(root.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Lint(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
