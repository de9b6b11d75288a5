package gov.onceonly.hub.reload;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorKind;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.lint.ConfigLint;
import gov.onceonly.hub.lint.LintFinding;
import gov.onceonly.hub.lint.LintReport;
import gov.onceonly.hub.proposal.ProposalRules;
import gov.onceonly.hub.recommendation.BundleFacts;
import gov.onceonly.hub.recommendation.RecommendationCatalog;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Hot reload of connectors/, mappings/, routes/, proposals/ and recommendations/. A change is linted as a whole first; if the lint finds an
 * error, nothing is applied, the findings go to the log and to {@link #status()}, and the running version keeps
 * serving. Otherwise the changed connector routes and route files are replaced in Camel, then the connector and
 * bundle catalogues are swapped, each at once. Applications already received keep the mapping version they were
 * received under ({@link BundleCatalog#find(String, String)}).
 */
public final class ConfigReloader {

    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    private final Path root;
    private final boolean enabled;
    private final Supplier<ConfigLint> lint;
    private final ConnectorCatalog connectors;
    private final BundleCatalog bundles;
    private final ConnectorRoutes connectorRoutes;
    private final CamelContext camel;
    private final ProposalRules proposals;
    /** The topics the proposal events route reads: those of the rules at startup (a new one needs a restart). */
    private final Set<String> proposalTopics;

    private RecommendationCatalog recommendations = RecommendationCatalog.empty();
    private ConfigSnapshot served;
    private ConfigSnapshot lastSeen;
    private Instant lastApplied;
    private List<String> appliedFiles = List.of();
    private ReloadStatus.RejectedChange rejected;

    public ConfigReloader(Path root, boolean enabled, Supplier<ConfigLint> lint, ConnectorCatalog connectors,
                          BundleCatalog bundles, ConnectorRoutes connectorRoutes, CamelContext camel,
                          ProposalRules proposals) {
        this.root = root;
        this.enabled = enabled;
        this.lint = lint;
        this.connectors = connectors;
        this.bundles = bundles;
        this.connectorRoutes = connectorRoutes;
        this.camel = camel;
        this.proposals = proposals;
        this.proposalTopics = proposals.topics();
        this.served = ConfigSnapshot.of(root);
        this.lastSeen = served;
    }

    /** Reloads these recommendation rules too (recommendations/), checked against the bundles reloaded with them. */
    public ConfigReloader reloading(RecommendationCatalog rules) {
        this.recommendations = rules;
        return this;
    }

    /** Looks at the folders; applies or rejects what changed since the last look. Returns the files that changed. */
    public synchronized Set<String> reload() {
        ConfigSnapshot now = ConfigSnapshot.of(root);
        Set<String> changed = lastSeen.changedIn(now);
        if (changed.isEmpty()) {
            return changed;
        }
        lastSeen = now;
        Set<String> sinceServed = served.changedIn(now);
        if (sinceServed.isEmpty()) {
            rejected = null; // an invalid edit was reverted: what is served is what is on disk again
            return changed;
        }
        List<String> problems = check(now, sinceServed);
        if (!problems.isEmpty()) {
            rejected = new ReloadStatus.RejectedChange(Instant.now(), List.copyOf(sinceServed), problems);
            log.warn("Configuration change to {} rejected; the running version keeps serving:\n  {}", sinceServed,
                    String.join("\n  ", problems));
            return changed;
        }
        try {
            apply(now, sinceServed);
        } catch (Exception e) {
            rejected = new ReloadStatus.RejectedChange(Instant.now(), List.copyOf(sinceServed), List.of(String.valueOf(e.getMessage())));
            log.error("Configuration change to {} could not be applied", sinceServed, e);
        }
        return changed;
    }

    /** The lint's errors, plus what a running hub cannot change in place. */
    private List<String> check(ConfigSnapshot now, Set<String> changed) {
        LintReport report = lint.get().check(root);
        List<String> problems = new ArrayList<>(report.errors().stream().map(LintFinding::toString).toList());
        if (!problems.isEmpty()) {
            return problems;
        }
        for (String file : changed) {
            if (file.startsWith("routes/") && !now.has(file)) {
                problems.add(file + ":1:1: error: removing a route file needs a restart (its routes keep running until then)");
            }
            if (file.startsWith("connectors/")) {
                String id = file.substring("connectors/".length()).replaceFirst("\\.yaml$", "");
                connectors.find(id).filter(c -> c.kind() == ConnectorKind.KAFKA && c.isSource()).ifPresent(c ->
                        problems.add(file + ":1:1: error: a kafka source's feeds start with the hub; restart it to apply this change"));
            }
            if (file.startsWith(ProposalRules.FOLDER + "/") && now.has(file)) {
                newTopics(file).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** A rule reading a topic the proposal events route does not: it is subscribed at startup. */
    private java.util.Optional<String> newTopics(String file) {
        try {
            ConnectorCatalog newConnectors = ConnectorCatalog.load(root, root.resolve("connectors"));
            ProposalRules rules = ProposalRules.load(root, BundleCatalog.load(root, root.resolve("mappings"), newConnectors),
                    newConnectors);
            String id = file.substring(ProposalRules.FOLDER.length() + 1).replaceFirst("\\.yaml$", "");
            return rules.find(id).filter(r -> !proposalTopics.contains(r.topic())).map(r -> file + ":1:1: error: topic '"
                    + r.topic() + "' is not read yet: the proposal events' subscription starts with the hub; restart it to apply this change");
        } catch (RuntimeException linted) {
            return java.util.Optional.empty(); // the lint has reported it
        }
    }

    private void apply(ConfigSnapshot now, Set<String> changed) throws Exception {
        ConnectorCatalog newConnectors = ConnectorCatalog.load(root, root.resolve("connectors"));
        BundleCatalog newBundles = BundleCatalog.load(root, root.resolve("mappings"), newConnectors);
        ProposalRules newProposals = ProposalRules.load(root, newBundles, newConnectors);
        RecommendationCatalog newRecommendations = RecommendationCatalog.load(root, root.resolve("recommendations"),
                BundleFacts.of(newBundles.all()));
        List<String> routeFiles = changed.stream().filter(f -> f.startsWith("routes/")).toList();
        Set<String> templates = new java.util.HashSet<>();
        if (!routeFiles.isEmpty()) {
            templates.addAll(RouteFiles.templateIds(root, routeFiles));
            // Camel replaces the routes a file declared; a template is replaced by removing its old definition.
            ModelCamelContext model = (ModelCamelContext) camel;
            for (String template : templates) {
                if (model.getRouteTemplateDefinition(template) != null) {
                    model.removeRouteTemplateDefinition(model.getRouteTemplateDefinition(template));
                }
            }
            var resources = routeFiles.stream()
                    .map(f -> ResourceHelper.resolveResource(camel, "file:" + root.resolve(f).toAbsolutePath())).toList();
            PluginHelper.getRoutesLoader(camel).updateRoutes(resources);
        }
        Map<String, ConnectorCatalog.Entry> before = new LinkedHashMap<>();
        connectors.entries().forEach(e -> before.put(e.definition().id(), e));
        List<ConnectorCatalog.Entry> changedConnectors = newConnectors.entries().stream()
                .filter(e -> !Objects.equals(before.get(e.definition().id()) == null ? null
                        : before.get(e.definition().id()).definition(), e.definition())
                        || templates.contains(ConnectorRoutes.templateOf(e.definition())))
                .filter(e -> !(e.definition().kind() == ConnectorKind.KAFKA && e.definition().isSource()))
                .toList();
        List<String> removed = before.keySet().stream().filter(id -> newConnectors.find(id).isEmpty()).toList();
        // Routes first: the catalogues are swapped only once every changed connector answers again.
        connectorRoutes.replace(camel, changedConnectors, removed);
        connectors.replaceWith(newConnectors);
        bundles.replaceWith(newBundles);
        proposals.replaceWith(newProposals);
        recommendations.replaceWith(newRecommendations);
        served = now;
        rejected = null;
        lastApplied = Instant.now();
        appliedFiles = List.copyOf(changed);
        log.info("Configuration reloaded: {}; bundle versions now {}", changed, versions());
    }

    public synchronized ReloadStatus status() {
        return new ReloadStatus(enabled, root.toAbsolutePath().normalize().toString(), lastApplied, appliedFiles, versions(),
                connectors.entries().stream().map(e -> e.definition().id()).toList(), rejected);
    }

    private Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        bundles.all().forEach(b -> versions.put(b.id(), b.version()));
        return versions;
    }

}
