package gov.onceonly.hub.catalog;

import java.util.List;

/**
 * The data-sharing model as Mermaid flowchart text: one subgraph per layer, left to right. Generated, never drawn by
 * hand; paste it into any Mermaid renderer, or use the SVG the hub draws itself.
 */
public final class BundleModelDiagram {

    private BundleModelDiagram() {
    }

    public static String mermaid(BundleModel model) {
        StringBuilder out = new StringBuilder();
        out.append("%% 一事一套图：").append(model.bundleName()).append("（").append(model.bundleId())
                .append("）数据共享模型，由 mappings/").append(model.bundleId()).append(".yaml 生成\n");
        out.append("flowchart LR\n");
        for (int i = 0; i < model.layers().size(); i++) {
            out.append("  subgraph L").append(i).append("[\"").append(BundleModel.LAYER_TITLES.get(i)).append("\"]\n");
            out.append("    direction TB\n");
            for (BundleModel.Node node : model.layers().get(i)) {
                out.append("    ").append(node.id()).append("[\"").append(text(node.label()))
                        .append("<br/><small>").append(text(node.detail())).append("</small>\"]\n");
            }
            out.append("  end\n");
        }
        for (BundleModel.Edge edge : model.edges()) {
            out.append("  ").append(edge.from()).append(edge.form() ? " -.-> " : " --> ").append(edge.to()).append('\n');
        }
        List<String> formNodes = model.layers().stream().flatMap(List::stream).filter(BundleModel.Node::form)
                .map(BundleModel.Node::id).toList();
        out.append("  classDef form fill:#fff4e0,stroke:#d9822b\n");
        if (!formNodes.isEmpty()) {
            out.append("  class ").append(String.join(",", formNodes)).append(" form\n");
        }
        return out.toString();
    }

    /** Mermaid labels are quoted; a quote or angle bracket inside must be an entity. */
    private static String text(String value) {
        return value.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
