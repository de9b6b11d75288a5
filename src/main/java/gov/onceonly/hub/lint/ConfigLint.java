package gov.onceonly.hub.lint;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.BundleCompiler;
import gov.onceonly.hub.catalog.BundleDefinition;
import gov.onceonly.hub.catalog.BundleWarnings;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.configfile.YamlConfigFiles.ShapeCheck;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.ConnectorKind;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.connector.ConnectorValidator;
import gov.onceonly.hub.lint.LintFinding.Severity;
import gov.onceonly.hub.proposal.ProposalRule;
import gov.onceonly.hub.proposal.ProposalRuleCheck;
import gov.onceonly.hub.recommendation.BundleFacts;
import gov.onceonly.hub.recommendation.RecommendationCatalog;
import gov.onceonly.hub.recommendation.RecommendationRules;
import gov.onceonly.hub.schema.ConfigSchemas;
import gov.onceonly.hub.schema.ConfigSchemas.Folder;
import gov.onceonly.hub.supervision.CalendarFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a configuration root (connectors/, mappings/, routes/, proposals/, recommendations/) without starting the hub: each file against its
 * schema, then what the hub itself checks at startup (the connector rules, the bundle compiler), then the
 * cross-references between folders (route templates), then the compiler's warnings. Every finding names the
 * file, line and column.
 */
public final class ConfigLint {

    private final ConfigSchemas schemas;

    public ConfigLint(ConfigSchemas schemas) {
        this.schemas = schemas;
    }

    /** A candidate mapping checked against the connectors in service: its findings, and the bundle if it compiles. */
    public record Candidate(List<LintFinding> findings, CompiledBundle bundle) {

        public boolean hasErrors() {
            return findings.stream().anyMatch(LintFinding::isError);
        }
    }

    public LintReport check(Path root) {
        LintedFiles files = new LintedFiles(root, schemas);
        List<ConnectorCatalog.Entry> entries = new ArrayList<>();
        for (LintedFiles.Parsed p : files.parseAll(Folder.CONNECTORS)) {
            ConnectorDefinition c = bind(p, ConnectorDefinition.class, files);
            if (c == null) {
                continue;
            }
            List<ConfigProblem> problems = ConnectorValidator.check(p.name(), idOf(p.name()), c);
            problems.stream().filter(p::shows).forEach(pr -> files.report(pr, Severity.ERROR));
            // One the schema refused is left out: the mappings naming it are not told it is unknown.
            if (problems.isEmpty() && p.matchesSchema()) {
                entries.add(new ConnectorCatalog.Entry(p.name(), c));
            }
        }
        ConnectorCatalog connectors = ConnectorCatalog.of(entries);
        // A connector with its own errors is reported there; the mappings naming it would only repeat that.
        Set<String> broken = files.ids(Folder.CONNECTORS);
        entries.forEach(e -> broken.remove(e.definition().id()));

        RouteIndex routes = new RouteIndex();
        for (LintedFiles.Parsed p : files.parseAll(Folder.ROUTES)) {
            if (!p.matchesSchema()) {
                continue;
            }
            routes.add(p.name(), p.tree(), (path, message) -> files.report(new ConfigProblem(p.name(), path, message), Severity.ERROR));
        }
        entries.forEach(e -> checkTemplate(e, routes, files));
        checkCalendar(root, files);

        BundleCompiler compiler = new BundleCompiler(connectors);
        List<CompiledBundle> compiled = new ArrayList<>();
        for (LintedFiles.Parsed p : files.parseAll(Folder.MAPPINGS)) {
            CompiledBundle bundle = compile(p, idOf(p.name()), "lint", compiler, broken, files);
            if (bundle != null) {
                compiled.add(bundle);
            }
        }
        checkProposals(files, root, compiled, connectors);
        checkRecommendations(files, compiled);
        List<LintFinding> unused = BundleWarnings.unusedDatasetFields(connectors, compiled).stream()
                .map(w -> files.locate(w, Severity.WARNING)).toList();
        return new LintReport(files.findings(), unused);
    }

    /** Checks one mapping's text (a dry-run's candidate) as the lint would in {@code mappings/<bundle>.yaml}. */
    public Candidate checkMapping(String bundleId, String content, ConnectorCatalog connectors) {
        LintedFiles files = new LintedFiles(Path.of("."), schemas);
        String name = "mappings/" + bundleId + ".yaml";
        LintedFiles.Parsed parsed = files.parse(Folder.MAPPINGS, name, content);
        CompiledBundle compiled = parsed == null ? null : compile(parsed, bundleId, BundleCatalog.version(content),
                new BundleCompiler(connectors), Set.of(), files);
        return new Candidate(files.findings().stream().sorted().toList(), compiled);
    }

    /**
     * A mapping compiled against the connectors, its problems and warnings reported; null when it does not compile.
     * One its schema refused is compiled as far as it binds, for the references it makes (see Parsed#shows), and never
     * served.
     */
    private static CompiledBundle compile(LintedFiles.Parsed p, String id, String version, BundleCompiler compiler,
                                          Set<String> broken, LintedFiles files) {
        BundleDefinition bundle = bind(p, BundleDefinition.class, files);
        if (bundle == null) {
            return null;
        }
        try {
            CompiledBundle compiled = compiler.compile(p.name(), id, version, bundle);
            if (p.matchesSchema()) {
                BundleWarnings.sourceConflicts(p.name(), bundle).forEach(w -> files.report(w, Severity.WARNING));
                return compiled;
            }
        } catch (ConfigFileException e) {
            e.problems().stream().filter(pr -> !namesBroken(pr, broken)).filter(p::shows)
                    .forEach(pr -> files.report(pr, Severity.ERROR));
        } catch (RuntimeException unbound) {
            // Only a file the schema refused gets here (something it requires is missing): its errors are reported.
            if (p.matchesSchema()) {
                throw unbound;
            }
        }
        return null;
    }

    /** The file as its type; for one its schema refused, as far as it binds (null when it does not). */
    private static <T> T bind(LintedFiles.Parsed p, Class<T> type, LintedFiles files) {
        if (!p.matchesSchema()) {
            return YamlConfigFiles.bindDespiteShape(p.tree(), type).orElse(null);
        }
        try {
            return YamlConfigFiles.parse(p.name(), p.content(), type, ShapeCheck.NONE);
        } catch (ConfigFileException e) {
            e.problems().forEach(pr -> files.report(pr, Severity.ERROR));
            return null;
        }
    }

    /**
     * proposals/ (optional): each rule against its schema and the bundles and connectors that compiled; a rule naming a
     * mapping that has errors of its own is not told its bundle is unknown (the mapping's errors say why).
     */
    private static void checkProposals(LintedFiles files, Path root, List<CompiledBundle> compiled,
                                       ConnectorCatalog connectors) {
        if (!java.nio.file.Files.isDirectory(root.resolve(Folder.PROPOSALS.directory()))) {
            return;
        }
        java.util.Map<String, CompiledBundle> bundles = new java.util.LinkedHashMap<>();
        compiled.forEach(b -> bundles.put(b.id(), b));
        Set<String> mappings = files.ids(Folder.MAPPINGS);
        for (LintedFiles.Parsed p : files.parseAll(Folder.PROPOSALS)) {
            ProposalRule rule = bind(p, ProposalRule.class, files);
            if (rule == null) {
                continue;
            }
            try {
                ProposalRuleCheck.compile(p.name(), idOf(p.name()), rule, bundles, connectors);
            } catch (ConfigFileException e) {
                e.problems().stream().filter(p::shows)
                        .filter(pr -> !(pr.path().equals("bundle") && mappings.contains(rule.bundle())))
                        .forEach(pr -> files.report(pr, Severity.ERROR));
            }
        }
    }

    /**
     * recommendations/ (optional: a hub without it recommends nothing): each file against its schema, then against the
     * bundles that compiled, as the hub checks it at startup (RecommendationCatalog.check).
     */
    private static void checkRecommendations(LintedFiles files, List<CompiledBundle> compiled) {
        if (!files.hasFolder(Folder.RECOMMENDATIONS)) {
            return;
        }
        List<BundleFacts> bundles = BundleFacts.of(compiled);
        Set<String> uncompiled = new java.util.HashSet<>(files.ids(Folder.MAPPINGS));
        compiled.forEach(b -> uncompiled.remove(b.id()));
        Set<String> types = new java.util.HashSet<>();
        for (LintedFiles.Parsed p : files.parseAll(Folder.RECOMMENDATIONS)) {
            RecommendationRules rules = bind(p, RecommendationRules.class, files);
            if (rules == null) {
                continue;
            }
            RecommendationCatalog.check(p.name(), rules, bundles, uncompiled).stream().filter(p::shows)
                    .forEach(pr -> files.report(pr, Severity.ERROR));
            if (rules.applicantType() != null && !types.add(rules.applicantType())) {
                files.report(ConfigProblem.ofValue(p.name(), "applicantType", "'" + rules.applicantType()
                        + "' has its rules in another file already: one file per applicant type"), Severity.ERROR);
            }
        }
    }

    /** Every connector's template must be declared in routes/, and a custom one must answer where the hub calls. */
    /** calendar/ read as at startup (supervision/CalendarFiles); the folder is optional, a year without a file too. */
    private static void checkCalendar(Path root, LintedFiles files) {
        try {
            CalendarFiles.load(root);
        } catch (ConfigFileException e) {
            e.problems().forEach(problem -> files.report(problem, Severity.ERROR));
        }
    }

    private static void checkTemplate(ConnectorCatalog.Entry entry, RouteIndex routes, LintedFiles files) {
        ConnectorDefinition c = entry.definition();
        String template = ConnectorRoutes.templateOf(c);
        String path = c.kind() == ConnectorKind.ROUTE ? "route.template" : "kind";
        var declared = routes.template(template);
        if (declared.isEmpty()) {
            files.report(new ConfigProblem(entry.file(), path, "unknown route template '" + template
                    + "': routes/ declares " + routes.templateIds()), Severity.ERROR);
            return;
        }
        String expected = "direct:" + c.role().yamlName() + "-{{connectorId}}";
        if (c.kind() == ConnectorKind.ROUTE && !expected.equals(declared.get().fromUri())) {
            files.report(new ConfigProblem(entry.file(), path, "route template '" + template + "' (" + declared.get().file()
                    + ") must start from '" + expected + "', where the hub calls a " + c.role().yamlName()), Severity.ERROR);
        }
    }

    private static boolean namesBroken(ConfigProblem problem, Set<String> broken) {
        return broken.stream().anyMatch(id -> problem.message().contains("connector '" + id + "'"));
    }

    static String idOf(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.replaceFirst("\\.yaml$", "");
    }
}
