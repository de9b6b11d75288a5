package gov.onceonly.hub.proposal;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.schema.ConfigSchemas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every proposal rule, loaded from {@code proposals/*.yaml} (optional: a hub without the folder proposes nothing) and
 * checked against the bundles and connectors. A hot reload swaps the whole set at once ({@link #replaceWith}).
 */
public final class ProposalRules {

    public static final String FOLDER = "proposals";

    private volatile Map<String, CompiledRule> rules;

    private ProposalRules(Map<String, CompiledRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public static ProposalRules of(Collection<CompiledRule> rules) {
        Map<String, CompiledRule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        return new ProposalRules(byId);
    }

    public static ProposalRules load(Path root, BundleCatalog bundles, ConnectorCatalog connectors) {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return of(List.of());
        }
        Map<String, CompiledBundle> served = new LinkedHashMap<>();
        bundles.all().forEach(b -> served.put(b.id(), b));
        YamlConfigFiles.ShapeCheck shape = ConfigSchemas.shared().shapeCheck(ConfigSchemas.Folder.PROPOSALS);
        List<CompiledRule> compiled = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Path file : YamlConfigFiles.list(folder)) {
            String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            YamlConfigFiles.Loaded<ProposalRule> loaded;
            try {
                loaded = YamlConfigFiles.read(root, file, ProposalRule.class, shape);
            } catch (ConfigFileException e) {
                problems.addAll(e.problems());
                continue;
            }
            try {
                compiled.add(ProposalRuleCheck.compile(loaded.file(), expectedId, loaded.definition(), served, connectors));
            } catch (ConfigFileException e) {
                problems.addAll(e.locatedIn(loaded.content()).problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return of(compiled);
    }

    public Collection<CompiledRule> all() {
        return List.copyOf(rules.values());
    }

    public Optional<CompiledRule> find(String id) {
        return Optional.ofNullable(id).map(rules::get);
    }

    /** The rules whose stream is {@code topic}. */
    public List<CompiledRule> onTopic(String topic) {
        return rules.values().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** Every topic a rule reads. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        rules.values().forEach(r -> topics.add(r.topic()));
        return topics;
    }

    /** Serves {@code newer}'s rules from now on, atomically. */
    public void replaceWith(ProposalRules newer) {
        this.rules = newer.rules;
    }
}
