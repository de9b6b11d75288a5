package gov.onceonly.hub.tutorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.lint.LintCommand;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/tutorial-add-a-department.md, followed block by block as a newcomer would, against the running hub and its
 * configuration copy: the commands of its {@code ```bash run} blocks are run by bash in the configuration root (with the
 * hub's and the sandbox's ports for 8080 and 18090, this build's jar and scripts), the files of its {@code file=},
 * {@code append=} and {@code after=} blocks written, the scaffold's output compared with its {@code scaffolded=}
 * block and the lint's with its quoted output. The department exists only in these files: the page's.
 */
class AddADepartmentTutorialIT extends HubIntegrationTest {

    private static final String PAGE = "tutorial-add-a-department.md";
    private static final String OTHER_KINDS = "Other kinds of department";
    private static final Path ROOT = Path.of(CONFIG_ROOT);
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern APPLICATION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The mother the CSV drop's first row names (the page's placeholder). */
    private static final String CSV_SAMPLE_ID = "500103199001010000";

    @TempDir
    Path lintRoot;

    @AfterEach
    void restore() throws Exception {
        // The mappings first, while the connectors they demand are still there; then the connectors go.
        restoreMapping("military-discharge");
        restoreMapping("newborn");
        for (String file : List.of("connectors/veteran-records.yaml", "connectors/fixtures/veteran-records.yaml",
                "connectors/chc-family-doctors.yaml", "connectors/chc-signups.yaml", "drops/chc/family-doctors.csv",
                "application.json")) {
            Files.deleteIfExists(ROOT.resolve(file));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String connectors = config().path("connectors").toString();
            return !connectors.contains("veteran-records") && !connectors.contains("chc-");
        });
    }

    @Test
    void anHttpDepartmentFromNothingToADeliveredField() throws Exception {
        Deque<TutorialPage.Block> steps = new ArrayDeque<>(TutorialPage.read(PAGE).sections("0.", OTHER_KINDS).steps());
        Walk walk = new Walk();

        // 0. An application as things are: the one the dry-run replays.
        String first = walk.run(steps.poll());
        assertThat(first).contains("RECEIVED");
        UUID before = walk.applicationId();

        // 1. The scaffold writes what the page shows, and the hub takes it in.
        walk.run(steps.poll());
        TutorialPage.Block scaffolded = next(steps, "scaffolded");
        assertThat(Files.readString(ROOT.resolve(scaffolded.attribute("scaffolded")))).isEqualTo(scaffolded.content());
        assertThat(ROOT.resolve("connectors/fixtures/veteran-records.yaml")).exists();

        // 2. The edit; 3. the lint passes, printing what the page quotes.
        walk.write(next(steps, "file"));
        walk.run(steps.poll());
        walk.quotedOutput(next(steps, "output"));

        // 4. The demands; the typo the page shows gives the lint's lines it shows; the catalogue and the dry-run follow.
        walk.insert(next(steps, "after"));
        walk.lintMistake(next(steps, "lint-output"));
        String demands = walk.run(steps.poll());
        assertThat(demands.lines()).hasSize(2).anySatisfy(l -> assertThat(l).contains("dischargeRank").contains("市退役军人事务局"))
                .anySatisfy(l -> assertThat(l).contains("serviceUnit"));
        JsonNode dryRun = json.readTree(walk.run(steps.poll()));
        JsonNode replayed = dryRun.path("applications").get(0);
        assertThat(replayed.path("applicationId").asText()).isEqualTo(before.toString());
        JsonNode registration = item(replayed.path("items"), "veteran-registration", "item");
        assertThat(registration.path("notRecorded").toString())
                .contains("dischargeRank (veteran-records/service-record.rank)")
                .contains("serviceUnit (veteran-records/service-record.lastUnit)");

        // 5. The example names the applicant the fixtures lack; given their record, it is a ready application.
        JsonNode problem = json.readTree(walk.run(steps.poll()));
        assertThat(problem.path("status").asInt()).as(problem.toString()).isEqualTo(404);
        JsonNode missing = problem.path("missing").get(0);
        assertThat(missing.path("source").asText()).isEqualTo("veteran-records/service-record");
        assertThat(missing.path("fixtures").asText()).isEqualTo("connectors/fixtures/veteran-records.yaml");
        String applicant = missing.path("applicant").asText();
        TutorialPage.Block fixtures = next(steps, "file");
        Matcher placeholder = ID_NUMBER.matcher(fixtures.content());
        assertThat(placeholder.find()).as("the fixtures block names an applicant").isTrue();
        JsonNode record = YAML.readTree(fixtures.content()).path("datasets").path("service-record").path(placeholder.group());
        walk.write(fixtures, text -> text.replace(placeholder.group(), applicant));
        walk.run(steps.poll());
        JsonNode example = json.readTree(ROOT.resolve("application.json").toFile());
        assertThat(example.path("applicant").path("idNumber").asText()).as(example.toString()).isEqualTo(applicant);

        // 6. Submitted, delivered, and the status view names the field's origin.
        walk.run(steps.poll());
        UUID id = walk.applicationId();
        assertThat(id).isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id, "veteran-registration"));
        JsonNode view = json.readTree(walk.run(steps.poll()));
        JsonNode fields = item(view.path("items"), "veteran-registration", "item").path("fields");
        assertThat(item(fields, "dischargeRank", "name").path("origin").asText()).isEqualTo("veteran-records/service-record");
        assertThat(item(fields, "serviceUnit", "name").path("origin").asText()).isEqualTo("veteran-records/service-record");
        JsonNode delivered = itemRecord(id, "veteran-registration");
        assertThat(delivered.path("dischargeRank").asText()).isEqualTo(record.path("rank").asText()).isNotBlank();
        assertThat(delivered.path("serviceUnit").asText()).isEqualTo(record.path("lastUnit").asText()).isNotBlank();
        assertThat(sandbox.lookups().count("veteran-records", applicant)).as("asked at the stand-in").isPositive();
        assertThat(walk.run(steps.poll())).as("what the target received, as the sandbox shows it")
                .contains("\"dischargeRank\":\"" + record.path("rank").asText() + "\"");

        assertThat(steps).as("blocks of the page this test does not follow").isEmpty();
    }

    @Test
    void aCsvDropSourceAndAKafkaTargetAsWritten() throws Exception {
        TutorialPage part = TutorialPage.read(PAGE).sections(OTHER_KINDS, null);
        SyntheticPeople.Family family = familiesWithBirthRecords().get(40);
        List<TutorialPage.Block> files = part.steps().stream().filter(b -> !b.is("lint-output")).toList();
        assertThat(files).extracting(b -> b.attributes().keySet().iterator().next()).containsOnly("file", "append");
        assertThat(files.stream().filter(b -> b.content().contains(CSV_SAMPLE_ID))).as("the CSV's placeholder").hasSize(1);

        // The lint passes on the section's files, and the typo it shows gives the lines it shows.
        TutorialFiles.copyShippedConfig(lintRoot);
        Walk walk = new Walk();
        for (TutorialPage.Block file : files) {
            walk.writeUnder(lintRoot, file, text -> text);
        }
        Lint clean = lint(lintRoot);
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).startsWith("0 error(s), 0 warning(s)");
        walk.lintMistake(lintRoot, part.steps().stream().filter(b -> b.is("lint-output")).findFirst().orElseThrow());

        // Saved into the running hub's configuration, the files are reloaded and the new item is delivered.
        for (TutorialPage.Block file : files) {
            walk.writeUnder(ROOT, file, text -> text.replace(CSV_SAMPLE_ID, family.mother().idNumber()));
        }
        awaitServed();
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        UUID id = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id, "family-doctor-signup"));
        JsonNode record = itemRecord(id, "family-doctor-signup");
        assertThat(record.path("familyDoctorTeam").asText()).isEqualTo("解放碑家庭医生一团队");
        assertThat(record.path("clinic").asText()).isEqualTo("渝中区解放碑社区卫生服务中心");
        assertThat(record.has("signedOn")).as("undeclared columns never enter the hub").isFalse();
        JsonNode view = hub.body(hub.get(statusUrl));
        assertThat(item(view.path("items"), "family-doctor-signup", "item").path("fields").toString())
                .contains("chc-family-doctors/team");
    }

    /** What the reader does with each block, in this hub's configuration root. */
    private final class Walk {

        /** The last command's output, and the last that answered with an application's id. */
        private String lastOutput = "";
        private String submission = "";

        /** Runs a {@code ```bash run} block once the hub serves what is on disk, as a reader waits for the reload. */
        String run(TutorialPage.Block block) throws Exception {
            assertThat(block).as("the page's next step").isNotNull();
            assertThat(block.is("run")).as("a command to run, not " + block.describe()).isTrue();
            awaitServed();
            String script = block.content()
                    .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + port)
                    .replace("http://127.0.0.1:18090", sandbox.baseUrl())
                    // A short-lived command: no optimising JIT, whose compiling costs more than it saves here.
                    .replace("java -jar target/hub.jar", Path.of(System.getProperty("java.home"), "bin", "java")
                            + " -XX:TieredStopAtLevel=1 -jar " + Path.of("target", "hub.jar").toAbsolutePath())
                    .replace("scripts/hubcurl", Path.of("scripts", "hubcurl").toAbsolutePath().toString())
                    .replace("<id>", submission.isEmpty() ? "<id>" : applicationId().toString());
            ProcessBuilder process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(ROOT.toFile()).redirectErrorStream(true);
            process.environment().put("HUB_SANDBOX_URL", sandbox.baseUrl());
            Path out = Files.createTempFile("tutorial", ".out");
            Process running = process.redirectOutput(out.toFile()).start();
            assertThat(running.waitFor(300, TimeUnit.SECONDS)).as("finished: " + script).isTrue();
            String output = Files.readString(out);
            Files.delete(out);
            assertThat(running.exitValue()).as(script + "\n" + output).isZero();
            lastOutput = output;
            if (APPLICATION_ID.matcher(output).find()) {
                submission = output;
            }
            return output;
        }

        /** The id of the application the last submission answered with. */
        UUID applicationId() {
            Matcher m = APPLICATION_ID.matcher(submission);
            assertThat(m.find()).as("an application's id in " + submission).isTrue();
            return UUID.fromString(m.group(1));
        }

        /** The last command's output is what the page quotes. */
        void quotedOutput(TutorialPage.Block quoted) {
            assertThat(lastOutput.strip()).matches(TutorialPage.lintOutput(quoted.content()));
        }

        void write(TutorialPage.Block block) throws IOException {
            write(block, text -> text);
        }

        void write(TutorialPage.Block block, java.util.function.UnaryOperator<String> edit) throws IOException {
            writeUnder(ROOT, block, edit);
        }

        void writeUnder(Path root, TutorialPage.Block block, java.util.function.UnaryOperator<String> edit) throws IOException {
            TutorialPage.write(root, block, edit);
        }

        void insert(TutorialPage.Block block) throws IOException {
            assertThat(block.attributes()).containsKey("after");
            TutorialPage.write(ROOT, block, text -> text);
        }

        /** The page's typo ({@code mistake=right→wrong}), made in a copy of the configuration, gives the lines quoted. */
        void lintMistake(TutorialPage.Block quoted) throws IOException {
            FileSystemUtils.deleteRecursively(lintRoot);
            FileSystemUtils.copyRecursively(ROOT, lintRoot);
            lintMistake(lintRoot, quoted);
        }

        void lintMistake(Path root, TutorialPage.Block quoted) throws IOException {
            String[] mistake = quoted.attribute("mistake").split("→");
            String file = quoted.content().substring(0, quoted.content().indexOf(':'));
            String text = Files.readString(root.resolve(file));
            assertThat(text).contains(mistake[0]);
            Files.writeString(root.resolve(file), text.replace(mistake[0], mistake[1]));
            Lint typo = lint(root);
            assertThat(typo.exit()).isEqualTo(1);
            assertThat(typo.out().replace(root + "/", "").strip()).matches(TutorialPage.lintOutput(quoted.content()));
            Files.writeString(root.resolve(file), text);
        }
    }

    private static TutorialPage.Block next(Deque<TutorialPage.Block> steps, String kind) {
        TutorialPage.Block block = steps.poll();
        assertThat(block).as("the page's next step, " + kind).isNotNull();
        assertThat(block.is(kind) || block.attributes().containsKey(kind)).as("a " + kind + " block, not " + block.describe())
                .isTrue();
        return block;
    }

    /** The element of an array whose {@code key} is {@code value}. */
    private static JsonNode item(JsonNode array, String value, String key) {
        for (JsonNode element : array) {
            if (element.path(key).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + array);
    }

    /** Waits until the hub serves what the configuration root holds: every mapping's version, every connector. */
    private void awaitServed() {
        // Long enough for the hub's first answer after startup, which builds its OpenAPI document first (~20 s here).
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(unserved()).as("on disk, not served").isEmpty());
    }

    /** What the configuration root holds that the hub does not serve (a bundle's version, a connector), or a rejection. */
    private List<String> unserved() throws Exception {
        JsonNode config = config();
        List<String> unserved = new java.util.ArrayList<>();
        if (!config.path("rejected").isNull() && !config.path("rejected").isMissingNode()) {
            unserved.add("rejected: " + config.path("rejected"));
        }
        try (Stream<Path> mappings = Files.list(ROOT.resolve("mappings")); Stream<Path> connectors = Files.list(ROOT.resolve("connectors"))) {
            for (Path file : mappings.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String bundle = file.getFileName().toString().replace(".yaml", "");
                String served = config.path("bundleVersions").path(bundle).asText();
                if (!served.equals(BundleCatalog.version(Files.readString(file)))) {
                    unserved.add(bundle + " (served " + served + ")");
                }
            }
            String served = config.path("connectors").toString();
            connectors.filter(p -> p.toString().endsWith(".yaml")).map(p -> p.getFileName().toString().replace(".yaml", ""))
                    .filter(c -> !served.contains("\"" + c + "\"")).forEach(c -> unserved.add("connector " + c));
        }
        return unserved;
    }

    private boolean delivered(UUID id, String item) {
        List<String> status = jdbc.queryForList("select status from application_item where application_id = ? and item_id = ?",
                String.class, id, item);
        return !status.isEmpty() && List.of("DELIVERED", "ACCEPTED", "IN_PROGRESS", "DONE").contains(status.get(0));
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
