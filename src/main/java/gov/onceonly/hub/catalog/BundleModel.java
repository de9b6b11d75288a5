package gov.onceonly.hub.catalog;

import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bundle's data-sharing model (数据共享模型) as a layered graph: source systems → datasets → fields → items →
 * target systems. Built from the data-demand list only, so every diagram of "一事一套图" follows the mapping.
 */
public record BundleModel(String bundleId, String bundleName, List<List<Node>> layers, List<Edge> edges) {

    public static final List<String> LAYER_TITLES = List.of("数据来源系统", "数据集", "字段", "事项", "受理系统");

    /** A box of the diagram: its main label and a smaller detail line. {@code form} marks what the applicant types. */
    public record Node(String id, String label, String detail, boolean form) {
    }

    public record Edge(String from, String to, boolean form) {
    }

    public static BundleModel of(CompiledBundle bundle, ConnectorCatalog connectors) {
        List<Map<String, Node>> layers = new ArrayList<>();
        for (int i = 0; i < LAYER_TITLES.size(); i++) {
            layers.add(new LinkedHashMap<>());
        }
        Map<String, String> parent = new LinkedHashMap<>();
        Set<Edge> edges = new LinkedHashSet<>();
        for (DemandLine line : DemandLine.of(bundle, connectors)) {
            boolean form = line.fromForm();
            // An earlier item's output comes from its department's decision, in that department's approval system.
            String connector = form ? "form" : line.fromOutput() ? line.origin()
                    : line.origin().substring(0, line.origin().indexOf('/'));
            Node source = form ? new Node("S_form", DemandLine.APPLICANT, "申请表", true)
                    : new Node(id("S", connector), line.system(), line.responsibleDepartment(), false);
            Node dataset = new Node(id("D", line.origin()), line.datasetTitle(), line.origin(), form);
            Node field = new Node(id("F", line.origin() + "." + line.sourceField()), line.fieldTitle(), line.sourceField(), form);
            Node item = new Node(id("I", line.item()), line.itemName(), line.itemDepartment(), false);
            List<Node> path = List.of(source, dataset, field, item);
            for (int i = 0; i < path.size(); i++) {
                layers.get(i).putIfAbsent(path.get(i).id(), path.get(i));
                if (i > 0) {
                    edges.add(new Edge(path.get(i - 1).id(), path.get(i).id(), form));
                    parent.putIfAbsent(path.get(i).id(), path.get(i - 1).id());
                }
            }
        }
        for (CompiledBundle.CompiledItem item : bundle.items()) {
            ConnectorDefinition target = connectors.get(item.target());
            Node node = new Node(id("T", item.target()), target.system(), target.department(), false);
            layers.get(4).putIfAbsent(node.id(), node);
            edges.add(new Edge(id("I", item.id()), node.id(), false));
        }
        return new BundleModel(bundle.id(), bundle.definition().name(), ordered(layers, parent), List.copyOf(edges));
    }

    /** Sources in order of first use with the applicant last; datasets and fields grouped under their parent. */
    private static List<List<Node>> ordered(List<Map<String, Node>> layers, Map<String, String> parent) {
        List<List<Node>> ordered = new ArrayList<>();
        List<Node> sources = new ArrayList<>(layers.get(0).values());
        sources.sort(Comparator.comparing(Node::form));
        ordered.add(List.copyOf(sources));
        for (int i = 1; i < 3; i++) {
            List<String> above = ordered.get(i - 1).stream().map(Node::id).toList();
            List<Node> nodes = new ArrayList<>(layers.get(i).values());
            nodes.sort(Comparator.comparingInt(n -> above.indexOf(parent.get(n.id()))));
            ordered.add(List.copyOf(nodes));
        }
        ordered.add(List.copyOf(layers.get(3).values()));
        ordered.add(List.copyOf(layers.get(4).values()));
        return List.copyOf(ordered);
    }

    /** A node id Mermaid and SVG accept: the prefix and the name with anything but letters and digits as '_'. */
    static String id(String prefix, String name) {
        return prefix + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
