package gov.onceonly.hub.dryrun;

import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import gov.onceonly.hub.catalog.DatasetFetch;
import gov.onceonly.hub.catalog.Origin;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.lint.ConfigLint;
import gov.onceonly.hub.lint.LintFinding;
import gov.onceonly.hub.pipeline.ItemMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a bundle's last applications against a candidate mapping, from what the hub recorded (the form and
 * the source answers), and reports per item what the department would receive differently. Nothing is pushed,
 * stored or pulled: the candidate is checked like the lint checks a file, then mapped in memory.
 */
public final class MappingDryRun {

    private final RecordedApplications recorded;
    private final java.util.function.Supplier<ConfigLint> lint;
    private final ConnectorCatalog connectors;
    private final BundleCatalog bundles;

    public MappingDryRun(org.springframework.jdbc.core.JdbcTemplate jdbc,
                         gov.onceonly.hub.application.ApplicationStore store,
                         java.util.function.Supplier<ConfigLint> lint, ConnectorCatalog connectors, BundleCatalog bundles) {
        this.recorded = new RecordedApplications(jdbc, store);
        this.lint = lint;
        this.connectors = connectors;
        this.bundles = bundles;
    }

    /** A candidate the lint rejects; its findings say where, as {@code file:line:column}. */
    public static class InvalidCandidateException extends RuntimeException {
        private final List<LintFinding> findings;

        InvalidCandidateException(List<LintFinding> findings) {
            super(findings.size() + " problem(s) in the candidate mapping");
            this.findings = findings;
        }

        public List<LintFinding> findings() {
            return findings;
        }
    }

    public record Report(String bundle, String servedVersion, String candidateVersion, int replayed,
                         List<String> warnings, List<ApplicationDiff> applications) {
    }

    public record ApplicationDiff(String applicationId, String mappingVersion, Instant receivedAt, List<ItemDiff> items) {
    }

    /** @return empty when no such bundle is served */
    public Optional<Report> run(String bundleId, String candidateYaml, int last) {
        CompiledBundle served = bundles.find(bundleId).orElse(null);
        if (served == null) {
            return Optional.empty();
        }
        ConfigLint.Candidate candidate = lint.get().checkMapping(bundleId, candidateYaml, connectors);
        if (candidate.hasErrors()) {
            throw new InvalidCandidateException(candidate.findings());
        }
        List<ApplicationDiff> diffs = recorded.last(bundleId, last).stream()
                .map(r -> replay(r, candidate.bundle(), bundles.find(bundleId, r.mappingVersion()).orElse(served)))
                .toList();
        return Optional.of(new Report(bundleId, served.version(), candidate.bundle().version(), diffs.size(),
                candidate.findings().stream().map(LintFinding::toString).toList(), diffs));
    }

    private static ApplicationDiff replay(RecordedApplications.Recorded app, CompiledBundle candidate, CompiledBundle ranOn) {
        List<ItemDiff> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CompiledItem item : candidate.items()) {
            seen.add(item.id());
            Map<String, Object> materials = app.materials().getOrDefault(item.id(), Map.of());
            Map<String, java.time.Instant> suppliedAt = new java.util.HashMap<>();
            materials.keySet().forEach(field -> suppliedAt.put(field, app.receivedAt()));
            ItemRecord after = ItemMapper.map(item, app.answers(), app.form(), app.receivedAt(), materials, suppliedAt,
                    app.outputs());
            items.add(ItemDiff.between(item.id(), app.records().get(item.id()), after.values(), notRecorded(item, app, ranOn)));
        }
        app.records().forEach((itemId, before) -> {
            if (!seen.contains(itemId)) {
                items.add(ItemDiff.between(itemId, before, null, List.of()));
            }
        });
        return new ApplicationDiff(app.id().toString(), app.mappingVersion(), app.receivedAt(), items);
    }

    /** Candidate fields whose source was not asked for them when the application ran. */
    private static List<String> notRecorded(CompiledItem item, RecordedApplications.Recorded app, CompiledBundle ranOn) {
        List<String> unknown = new ArrayList<>();
        item.demands().forEach(d -> d.candidates().forEach(origin -> {
            if (origin instanceof Origin.DatasetField f) {
                SourceAnswer answer = app.answers().get(f.connector() + "/" + f.dataset());
                boolean asked = ranOn.fetchPlan().stream().filter(p -> p.label().equals(f.connector() + "/" + f.dataset()))
                        .map(DatasetFetch::fields).anyMatch(fields -> fields.contains(f.field()));
                if (answer == null || !asked) {
                    unknown.add(d.name() + " (" + f.connector() + "/" + f.dataset() + "." + f.field() + ")");
                }
            }
        }));
        return unknown;
    }
}
