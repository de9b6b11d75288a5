package gov.onceonly.hub.tutorial;

import gov.onceonly.hub.lint.ConfigLint;
import gov.onceonly.hub.lint.LintReport;
import gov.onceonly.hub.scaffold.NewCommand;
import gov.onceonly.hub.schema.ConfigSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaffold step of docs/tutorial-add-a-department.md without a hub (AddADepartmentTutorialIT walks the whole page):
 * the page's {@code new connector} command writes exactly the file the page shows, the lint accepts it as written, and
 * the page's next steps (its edit, the bundle's new demands) apply to what it wrote and pass the lint too.
 */
class AddADepartmentTutorialTest {

    private static final String COMMAND = "java -jar target/hub.jar ";

    @TempDir
    Path root;

    @Test
    void theScaffoldWritesWhatThePageShowsAndItsNextStepsLint() throws Exception {
        List<TutorialPage.Block> steps = TutorialPage.read("tutorial-add-a-department.md")
                .sections("1.", "5.").steps();
        TutorialFiles.copyShippedConfig(root);

        String command = steps.get(0).content().replace("\\\n", " ").strip();
        assertThat(command).startsWith(COMMAND + "new connector ");
        List<String> args = new ArrayList<>(Arrays.asList(command.substring(COMMAND.length() + "new ".length()).split("\\s+")));
        args.addAll(List.of("--root", root.toString()));
        assertThat(new CommandLine(new NewCommand()).execute(args.toArray(String[]::new))).isZero();

        TutorialPage.Block scaffolded = steps.get(1);
        assertThat(Files.readString(root.resolve(scaffolded.attribute("scaffolded")))).isEqualTo(scaffolded.content());
        assertThat(lint().errors()).as("the scaffold as written").isEmpty();

        int applied = 0;
        for (TutorialPage.Block step : steps) {
            if (step.attributes().containsKey("file") || step.attributes().containsKey("after")) {
                TutorialPage.write(root, step, text -> text);
                applied++;
                LintReport report = lint();
                assertThat(report.findings()).as("after " + step.describe()).isEmpty();
            }
        }
        assertThat(applied).as("the edit of the connector and the new demands").isEqualTo(2);
        assertThat(Files.readString(root.resolve("mappings/military-discharge.yaml")))
                .contains("veteran-records/service-record.rank");
    }

    private LintReport lint() {
        return new ConfigLint(ConfigSchemas.shared()).check(root);
    }
}
