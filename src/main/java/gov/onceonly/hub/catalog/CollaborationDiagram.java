package gov.onceonly.hub.catalog;

import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import gov.onceonly.hub.connector.ConnectorCatalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The business-collaboration model (业务协同模型) of a bundle as Mermaid flowchart text: each item with its department
 * and its step (online, by the way its department receives it, or the step the applicant takes in person), the
 * order in which items wait for each other (an edge per {@code waitsFor}, labelled with the milestone and the outputs
 * passed along it), the condition under which an item applies, and the parties whose data items use. Items that wait
 * for nothing start side by side from the application.
 */
public final class CollaborationDiagram {

    private CollaborationDiagram() {
    }

    public static String mermaid(CompiledBundle bundle, ConnectorCatalog connectors) {
        StringBuilder out = new StringBuilder();
        out.append("%% 一事一套图：").append(bundle.definition().name()).append("（").append(bundle.id())
                .append("）业务协同模型，由 mappings/").append(bundle.id()).append(".yaml 生成\n");
        out.append("flowchart TD\n");
        out.append("  application([\"申请（一次提交）\"])\n");
        List<CompiledItem> items = bundle.items();
        for (int i = 0; i < items.size(); i++) {
            CompiledItem item = items.get(i);
            out.append("  ").append(node(i)).append("[\"").append(text(item.name() != null ? item.name() : item.id()))
                    .append("<br/><small>").append(text(item.department())).append("</small>")
                    .append("<br/><small>").append(text(step(item, connectors))).append("</small>");
            if (item.condition() != null) {
                out.append("<br/><small>仅当 ").append(text(item.condition().rule().describe())).append("</small>");
            }
            out.append("\"]\n");
        }
        bundle.definition().parties().forEach((name, party) -> out.append("  party_").append(name).append("[/\"")
                .append(text(party.title())).append("<br/><small>").append(party.consents() ? "本人同意" : "法定依据，无需同意")
                .append("</small>\"/]\n"));
        for (int i = 0; i < items.size(); i++) {
            CompiledItem item = items.get(i);
            if (item.waitsFor().isEmpty()) {
                out.append("  application --> ").append(node(i)).append('\n');
            }
            int at = i;
            item.waitsFor().forEach((prerequisite, milestone) -> {
                Set<String> taken = taken(item, prerequisite);
                out.append("  ").append(node(index(items, prerequisite))).append(" -- \"").append(milestone.yamlName())
                        .append(taken.isEmpty() ? "" : "：" + text(String.join("、", taken))).append("\" --> ")
                        .append(node(at)).append('\n');
            });
            partiesOf(item).forEach(party -> out.append("  party_").append(party).append(" -.-> ").append(node(at)).append('\n'));
        }
        items.stream().filter(item -> item.condition() != null).map(items::indexOf).forEach(i ->
                out.append("  class ").append(node(i)).append(" conditional\n"));
        out.append("  classDef conditional stroke-dasharray: 5 3\n");
        return out.toString();
    }

    /** The item's step: online, by how its department receives it, or what the applicant does in person. */
    static String step(CompiledItem item, ConnectorCatalog connectors) {
        if (item.inPerson() != null && !item.inPerson().isBlank()) {
            return "线下：" + item.inPerson();
        }
        return connectors.find(item.target()).map(target -> "线上：" + DemandLine.sharingMethod(target)).orElse("线上");
    }

    /** The outputs of {@code prerequisite} the item takes, by name. */
    static Set<String> taken(CompiledItem item, String prerequisite) {
        return item.demands().stream().flatMap(d -> d.candidates().stream())
                .filter(Origin.ItemOutput.class::isInstance).map(Origin.ItemOutput.class::cast)
                .filter(output -> output.item().equals(prerequisite)).map(Origin.ItemOutput::output)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The parties whose datasets the item takes a field from. */
    static Set<String> partiesOf(CompiledItem item) {
        return item.demands().stream().flatMap(d -> d.candidates().stream())
                .filter(Origin.DatasetField.class::isInstance).map(Origin.DatasetField.class::cast)
                .map(Origin.DatasetField::party).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String node(int index) {
        return "item" + index;
    }

    private static int index(List<CompiledItem> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no item '" + id + "' (the compiler checks waitsFor)");
    }

    /** Mermaid labels are quoted; a quote or angle bracket inside must be an entity. */
    private static String text(String value) {
        return value.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
