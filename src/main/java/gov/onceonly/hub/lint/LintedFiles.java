package gov.onceonly.hub.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.configfile.YamlLocator;
import gov.onceonly.hub.lint.LintFinding.Severity;
import gov.onceonly.hub.schema.ConfigSchemas;
import gov.onceonly.hub.schema.ConfigSchemas.Folder;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one lint: each read, parsed (with its line and column on a syntax error) and checked against its
 * schema, and the findings so far, each placed at its line and column in its file.
 */
final class LintedFiles {

    static final String SCHEMA_LINE = "# yaml-language-server: $schema=";
    private static final ObjectMapper YAML_TREE = JsonMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A file that parsed: its name, text and tree, and the paths where it breaks its schema (reported already). */
    record Parsed(String name, String content, JsonNode tree, List<String> violated) {

        boolean matchesSchema() {
            return violated.isEmpty();
        }

        /**
         * Whether a problem the hub's own checks found in this file is worth reporting. In a file its schema refused,
         * only a reference (a connector, dataset or field named by a value) at a place the schema accepted: what the
         * checks conclude about the whole file (a form field nobody demands) waits until the file binds as written.
         */
        boolean shows(ConfigProblem problem) {
            return matchesSchema() || problem.atValue() && violated.stream().noneMatch(v -> overlap(v, problem.path()));
        }

        private static boolean overlap(String a, String b) {
            return a.isEmpty() || b.isEmpty() || a.equals(b) || a.startsWith(b + ".") || a.startsWith(b + "[")
                    || b.startsWith(a + ".") || b.startsWith(a + "[");
        }
    }

    private final Path root;
    private final ConfigSchemas schemas;
    private final Map<String, YamlLocator> locators = new HashMap<>();
    private final List<LintFinding> findings = new ArrayList<>();

    LintedFiles(Path root, ConfigSchemas schemas) {
        this.root = root;
        this.schemas = schemas;
    }

    /** The files of a folder that parsed (matching their schema or not); the others have their findings. */
    List<Parsed> parseAll(Folder folder) {
        Path dir = root.resolve(folder.directory());
        List<Parsed> parsed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            findings.add(new LintFinding(folder.directory(), 1, 1, Severity.ERROR, "folder not found under " + root));
            return parsed;
        }
        for (Path file : YamlConfigFiles.list(dir)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            try {
                Parsed p = parse(folder, name, Files.readString(file));
                if (p != null) {
                    parsed.add(p);
                }
            } catch (IOException e) {
                findings.add(new LintFinding(name, 1, 1, Severity.ERROR, "cannot read: " + e.getMessage()));
            }
        }
        return parsed;
    }

    /** One file's text, or null when it does not parse (the findings say why); its schema's findings are added. */
    Parsed parse(Folder folder, String name, String content) {
        JsonNode tree;
        try {
            locators.put(name, YamlLocator.parse(content));
            tree = YAML_TREE.readTree(content);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            findings.add(new LintFinding(name, mark.getLine() + 1, mark.getColumn() + 1, Severity.ERROR,
                    "not valid YAML: " + e.getProblem()));
            return null;
        } catch (ReaderException e) {
            // A character YAML does not allow (NUL, other control characters): SnakeYAML gives only its offset.
            YamlLocator.Position at = YamlLocator.Position.at(content, e.getPosition());
            findings.add(new LintFinding(name, at.line(), at.column(), Severity.ERROR, String.format(
                    "not valid YAML: the character U+%04X is not allowed in YAML", e.getCodePoint())));
            return null;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            findings.add(new LintFinding(name, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    Severity.ERROR, "not valid YAML: " + e.getOriginalMessage()));
            return null;
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            findings.add(new LintFinding(name, 1, 1, Severity.ERROR, "file is empty"));
            return null;
        }
        if (folder != Folder.ROUTES && !content.startsWith(SCHEMA_LINE)) {
            findings.add(new LintFinding(name, 1, 1, Severity.WARNING, "the first line should be '" + SCHEMA_LINE
                    + "../schemas/" + switch (folder) {
                        case CONNECTORS -> "connector";
                        case PROPOSALS -> "proposal";
                        case RECOMMENDATIONS -> "recommendation";
                        default -> "mapping";
                    }
                    + ".json', so that editors complete and check the file"));
        }
        List<ConfigSchemas.Violation> violations = schemas.validate(folder, tree);
        violations.forEach(v -> report(v.atValue() ? ConfigProblem.ofValue(name, v.path(), v.message())
                : new ConfigProblem(name, v.path(), v.message()), Severity.ERROR));
        return new Parsed(name, content, tree, violations.stream().map(ConfigSchemas.Violation::path).toList());
    }

    void report(ConfigProblem problem, Severity severity) {
        findings.add(locate(problem, severity));
    }

    /** Where a problem's path is written in its file (the file's start when the file is not known). */
    LintFinding locate(ConfigProblem problem, Severity severity) {
        YamlLocator locator = locators.get(problem.file());
        YamlLocator.Position at = problem.position() != null ? problem.position()
                : locator == null ? new YamlLocator.Position(1, 1) : problem.locatedBy(locator).position();
        return new LintFinding(problem.file(), at.line(), at.column(), severity, problem.pathAndMessage());
    }

    List<LintFinding> findings() {
        return findings;
    }

    boolean hasFolder(Folder folder) {
        return Files.isDirectory(root.resolve(folder.directory()));
    }

    /** The ids (file names) of a folder's files, whether or not they parse. */
    java.util.Set<String> ids(Folder folder) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        Path dir = root.resolve(folder.directory());
        if (Files.isDirectory(dir)) {
            YamlConfigFiles.list(dir).forEach(f -> ids.add(ConfigLint.idOf(f.getFileName().toString())));
        }
        return ids;
    }
}
