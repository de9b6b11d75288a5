package gov.onceonly.hub.catalog;

import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.connector.ConnectorCatalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the bundle compiler accepts but an engineer probably did not mean. Warnings, not errors: the hub runs, and
 * {@code lint} reports them. Pure, like the compiler.
 */
public final class BundleWarnings {

    private BundleWarnings() {
    }

    private record Use(int item, String itemId, String connector, ItemDefinition.Demand demand) {
    }

    /**
     * Two sources giving a field of the same name with no precedence rule: one department would get the
     * registry's address and another the civil-affairs one, and nobody decided which is right.
     */
    public static List<ConfigProblem> sourceConflicts(String file, BundleDefinition bundle) {
        Map<String, List<Use>> byName = new LinkedHashMap<>();
        for (int i = 0; i < bundle.items().size(); i++) {
            ItemDefinition item = bundle.items().get(i);
            for (var entry : item.demands().entrySet()) {
                String from = entry.getValue() == null ? null : entry.getValue().from();
                if (from != null && !from.startsWith("form.") && from.contains("/")) {
                    byName.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                            .add(new Use(i, item.id(), from.substring(0, from.indexOf('/')), entry.getValue()));
                }
            }
        }
        List<ConfigProblem> warnings = new ArrayList<>();
        byName.forEach((name, uses) -> {
            Set<String> connectors = new LinkedHashSet<>();
            uses.forEach(u -> connectors.add(u.connector()));
            if (connectors.size() < 2) {
                return;
            }
            uses.stream().filter(u -> !u.demand().statesPrecedence()).findFirst().ifPresent(u -> {
                Use other = uses.stream().filter(o -> !o.connector().equals(u.connector())).findFirst().orElseThrow();
                warnings.add(new ConfigProblem(file, "items[" + u.item() + "].demands." + name + ".from",
                        "'" + name + "' comes from " + u.connector() + " here and from " + other.connector()
                                + " in item '" + other.itemId() + "', and no precedence is stated: list the other source"
                                + " under fallback (the first with a value wins; prefer: freshest for the newest), or"
                                + " prefer: own if they are different facts"));
            });
        });
        return warnings;
    }

    /**
     * Dataset fields no bundle demands nor reads in a condition: the source is asked for data no item needs (least
     * privilege).
     */
    public static List<ConfigProblem> unusedDatasetFields(ConnectorCatalog connectors, Collection<CompiledBundle> bundles) {
        Set<String> demanded = new HashSet<>();
        bundles.forEach(b -> b.items().forEach(i -> {
            i.demands().forEach(d -> d.candidates().forEach(o -> {
                if (o instanceof Origin.DatasetField f) {
                    demanded.add(f.connector() + "/" + f.dataset() + "." + f.field());
                }
            }));
            // A field an item's condition reads is needed too: it decides whether the item applies.
            if (i.condition() != null && i.condition().origin() instanceof Origin.DatasetField f) {
                demanded.add(f.connector() + "/" + f.dataset() + "." + f.field());
            }
        }));
        List<ConfigProblem> warnings = new ArrayList<>();
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            entry.definition().datasets().forEach((dataset, definition) -> {
                List<String> unused = definition.fields().keySet().stream()
                        .filter(f -> !demanded.contains(entry.definition().id() + "/" + dataset + "." + f)).toList();
                if (!unused.isEmpty()) {
                    warnings.add(new ConfigProblem(entry.file(), "datasets." + dataset + ".fields." + unused.get(0),
                            "no bundle demands " + (unused.size() == 1 ? "this field" : "the fields " + unused)
                                    + " of dataset '" + dataset + "': the source is asked for data no item needs"));
                }
            });
        }
        return warnings;
    }
}
