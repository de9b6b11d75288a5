package gov.onceonly.hub.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.onceonly.hub.catalog.BundleCompiler;
import gov.onceonly.hub.catalog.BundleDefinition;
import gov.onceonly.hub.catalog.BundleWarnings;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.ConnectorKind;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.connector.ConnectorValidator;
import gov.onceonly.hub.lint.LintFinding.Severity;
import gov.onceonly.hub.schema.ConfigSchemas;
import gov.onceonly.hub.schema.ConfigSchemas.Folder;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a configuration root (connectors/, mappings/, routes/) without starting the hub: each file against its
 * schema, then what the hub itself checks at startup (the connector rules, the bundle compiler), then the
 * cross-references between folders (route templates), then the compiler's warnings. Every finding names the
 * file, line and column.
 */
public final class ConfigLint {

    static final String SCHEMA_LINE = "# yaml-language-server: $schema=";
    private static final ObjectMapper YAML_TREE = JsonMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final ConfigSchemas schemas;

    public ConfigLint(ConfigSchemas schemas) {
        this.schemas = schemas;
    }

    /** A file that parsed: its text, where things are in it, and whether it matched its schema. */
    private record Parsed(String name, String content, JsonNode tree, boolean schemaValid) {
    }

    public LintReport check(Path root) {
        return new Run(root).check();
    }

    /** A candidate mapping checked against the connectors in service: its findings, and the bundle if it compiles. */
    public record Candidate(List<LintFinding> findings, CompiledBundle bundle) {

        public boolean hasErrors() {
            return findings.stream().anyMatch(LintFinding::isError);
        }
    }

    /** Checks one mapping's text (a dry-run's candidate) as the lint would in {@code mappings/<bundle>.yaml}. */
    public Candidate checkMapping(String bundleId, String content, ConnectorCatalog connectors) {
        Run run = new Run(Path.of("."));
        String name = "mappings/" + bundleId + ".yaml";
        Parsed p = run.parseContent(Folder.MAPPINGS, name, content);
        CompiledBundle compiled = null;
        if (p != null && p.schemaValid()) {
            try {
                BundleDefinition bundle = YamlConfigFiles.parse(name, content, BundleDefinition.class);
                compiled = new BundleCompiler(connectors).compile(name, bundleId,
                        gov.onceonly.hub.catalog.BundleCatalog.version(content), bundle);
                BundleWarnings.sourceConflicts(name, bundle).forEach(w -> run.report(w, Severity.WARNING));
            } catch (ConfigFileException e) {
                e.problems().forEach(pr -> run.report(pr, Severity.ERROR));
            }
        }
        return new Candidate(run.findings.stream().sorted().toList(), compiled);
    }

    /** One lint of one root: collects findings and the locators to place them. */
    private final class Run {
        private final Path root;
        private final Map<String, YamlLocator> locators = new HashMap<>();
        private final List<LintFinding> findings = new ArrayList<>();

        Run(Path root) {
            this.root = root;
        }

        LintReport check() {
            List<ConnectorCatalog.Entry> entries = new ArrayList<>();
            for (Parsed p : parseAll(Folder.CONNECTORS)) {
                try {
                    ConnectorDefinition c = YamlConfigFiles.parse(p.name(), p.content(), ConnectorDefinition.class);
                    List<ConfigProblem> problems = ConnectorValidator.check(p.name(), idOf(p.name()), c);
                    problems.forEach(pr -> report(pr, Severity.ERROR));
                    if (problems.isEmpty()) {
                        entries.add(new ConnectorCatalog.Entry(p.name(), c));
                    }
                } catch (ConfigFileException e) {
                    e.problems().forEach(pr -> report(pr, Severity.ERROR));
                }
            }
            ConnectorCatalog connectors = ConnectorCatalog.of(entries);
            // A connector with its own errors is reported there; the mappings naming it would only repeat that.
            java.util.Set<String> broken = new java.util.HashSet<>(connectorFiles());
            entries.forEach(e -> broken.remove(e.definition().id()));
            RouteIndex routes = new RouteIndex();
            for (Parsed p : parseAll(Folder.ROUTES)) {
                routes.add(p.name(), p.tree(), (path, message) -> report(new ConfigProblem(p.name(), path, message), Severity.ERROR));
            }
            entries.forEach(e -> checkTemplate(e, routes));
            BundleCompiler compiler = new BundleCompiler(connectors);
            List<CompiledBundle> compiled = new ArrayList<>();
            for (Parsed p : parseAll(Folder.MAPPINGS)) {
                try {
                    BundleDefinition bundle = YamlConfigFiles.parse(p.name(), p.content(), BundleDefinition.class);
                    compiled.add(compiler.compile(p.name(), idOf(p.name()), "lint", bundle));
                    BundleWarnings.sourceConflicts(p.name(), bundle).forEach(w -> report(w, Severity.WARNING));
                } catch (ConfigFileException e) {
                    e.problems().stream().filter(pr -> !namesBroken(pr, broken)).forEach(pr -> report(pr, Severity.ERROR));
                }
            }
            List<LintFinding> unused = BundleWarnings.unusedDatasetFields(connectors, compiled).stream()
                    .map(w -> locate(w, Severity.WARNING)).toList();
            return new LintReport(findings, unused);
        }

        private java.util.Set<String> connectorFiles() {
            java.util.Set<String> ids = new java.util.HashSet<>();
            Path dir = root.resolve(Folder.CONNECTORS.directory());
            if (Files.isDirectory(dir)) {
                YamlConfigFiles.list(dir).forEach(f -> ids.add(idOf(f.getFileName().toString())));
            }
            return ids;
        }

        private static boolean namesBroken(ConfigProblem problem, java.util.Set<String> broken) {
            return broken.stream().anyMatch(id -> problem.message().contains("connector '" + id + "'"));
        }

        /** Every connector's template must be declared in routes/, and a custom one must answer where the hub calls. */
        private void checkTemplate(ConnectorCatalog.Entry entry, RouteIndex routes) {
            ConnectorDefinition c = entry.definition();
            String template = ConnectorRoutes.templateOf(c);
            String path = c.kind() == ConnectorKind.ROUTE ? "route.template" : "kind";
            var declared = routes.template(template);
            if (declared.isEmpty()) {
                report(new ConfigProblem(entry.file(), path, "unknown route template '" + template
                        + "': routes/ declares " + routes.templateIds()), Severity.ERROR);
                return;
            }
            String expected = "direct:" + c.role().yamlName() + "-{{connectorId}}";
            if (c.kind() == ConnectorKind.ROUTE && !expected.equals(declared.get().fromUri())) {
                report(new ConfigProblem(entry.file(), path, "route template '" + template + "' (" + declared.get().file()
                        + ") must start from '" + expected + "', where the hub calls a " + c.role().yamlName()), Severity.ERROR);
            }
        }

        private List<Parsed> parseAll(Folder folder) {
            Path dir = root.resolve(folder.directory());
            List<Parsed> parsed = new ArrayList<>();
            if (!Files.isDirectory(dir)) {
                findings.add(new LintFinding(folder.directory(), 1, 1, Severity.ERROR, "folder not found under " + root));
                return parsed;
            }
            for (Path file : YamlConfigFiles.list(dir)) {
                Parsed p = parse(folder, root.relativize(file).toString().replace('\\', '/'), file);
                if (p != null && p.schemaValid()) {
                    parsed.add(p);
                }
            }
            return parsed;
        }

        private Parsed parse(Folder folder, String name, Path file) {
            String content;
            try {
                content = Files.readString(file);
            } catch (IOException e) {
                findings.add(new LintFinding(name, 1, 1, Severity.ERROR, "cannot read: " + e.getMessage()));
                return null;
            }
            return parseContent(folder, name, content);
        }

        private Parsed parseContent(Folder folder, String name, String content) {
            YamlLocator locator;
            JsonNode tree;
            try {
                locator = YamlLocator.parse(content);
                tree = YAML_TREE.readTree(content);
            } catch (MarkedYAMLException e) {
                var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                findings.add(new LintFinding(name, mark.getLine() + 1, mark.getColumn() + 1, Severity.ERROR,
                        "not valid YAML: " + e.getProblem()));
                return null;
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                findings.add(new LintFinding(name, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                        Severity.ERROR, "not valid YAML: " + e.getOriginalMessage()));
                return null;
            }
            locators.put(name, locator);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                findings.add(new LintFinding(name, 1, 1, Severity.ERROR, "file is empty"));
                return null;
            }
            if (folder != Folder.ROUTES && !content.startsWith(SCHEMA_LINE)) {
                findings.add(new LintFinding(name, 1, 1, Severity.WARNING, "the first line should be '" + SCHEMA_LINE
                        + "../schemas/" + (folder == Folder.CONNECTORS ? "connector" : "mapping")
                        + ".json', so that editors complete and check the file"));
            }
            List<ConfigSchemas.Violation> violations = schemas.validate(folder, tree);
            violations.forEach(v -> report(new ConfigProblem(name, v.path(), v.message()), Severity.ERROR));
            return new Parsed(name, content, tree, violations.isEmpty());
        }

        private void report(ConfigProblem problem, Severity severity) {
            findings.add(locate(problem, severity));
        }

        private LintFinding locate(ConfigProblem problem, Severity severity) {
            YamlLocator locator = locators.get(problem.file());
            YamlLocator.Position at = locator == null ? new YamlLocator.Position(1, 1) : locator.locate(problem.path());
            String message = problem.path() == null || problem.path().isEmpty() ? problem.message()
                    : problem.path() + ": " + problem.message();
            return new LintFinding(problem.file(), at.line(), at.column(), severity, message);
        }
    }

    private static String idOf(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.replaceFirst("\\.yaml$", "");
    }
}
