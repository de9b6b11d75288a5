package gov.onceonly.hub.catalog;

import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;

import java.util.List;

/**
 * The business-collaboration model (业务协同模型) of a bundle as Mermaid flowchart text: each item with its department,
 * the order in which items wait for each other (an edge per {@code waitsFor}, labelled with the milestone), and the
 * condition under which an item applies. Items that wait for nothing start side by side from the application.
 */
public final class CollaborationDiagram {

    private CollaborationDiagram() {
    }

    public static String mermaid(CompiledBundle bundle) {
        StringBuilder out = new StringBuilder();
        out.append("%% 一事一套图：").append(bundle.definition().name()).append("（").append(bundle.id())
                .append("）业务协同模型，由 mappings/").append(bundle.id()).append(".yaml 生成\n");
        out.append("flowchart TD\n");
        out.append("  application([\"申请（一次提交）\"])\n");
        List<CompiledItem> items = bundle.items();
        for (int i = 0; i < items.size(); i++) {
            CompiledItem item = items.get(i);
            out.append("  ").append(node(i)).append("[\"").append(text(item.name() != null ? item.name() : item.id()))
                    .append("<br/><small>").append(text(item.department())).append("</small>");
            if (item.condition() != null) {
                out.append("<br/><small>仅当 ").append(text(item.condition().rule().describe())).append("</small>");
            }
            out.append("\"]\n");
        }
        for (int i = 0; i < items.size(); i++) {
            CompiledItem item = items.get(i);
            if (item.waitsFor().isEmpty()) {
                out.append("  application --> ").append(node(i)).append('\n');
            }
            item.waitsFor().forEach((prerequisite, milestone) -> out.append("  ").append(node(index(items, prerequisite)))
                    .append(" -- ").append(milestone.yamlName()).append(" --> ").append(node(items.indexOf(item))).append('\n'));
        }
        items.stream().filter(item -> item.condition() != null).map(items::indexOf).forEach(i ->
                out.append("  class ").append(node(i)).append(" conditional\n"));
        out.append("  classDef conditional stroke-dasharray: 5 3\n");
        return out.toString();
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
