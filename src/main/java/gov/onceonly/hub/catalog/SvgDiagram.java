package gov.onceonly.hub.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a bundle's data-sharing model as a self-contained SVG: one column per layer, a box per node, a curve per
 * edge. Laid out on the server so the page needs no script and no network; what the applicant types is orange.
 */
public final class SvgDiagram {

    private static final int ROW = 44;
    private static final int BOX = 36;
    private static final int GAP = 96;
    private static final int TOP = 48;
    private static final int MAX_WIDTH = 320;
    private static final String[] FILL = {"#e8f0fe", "#e6f4ea", "#f1f3f4", "#fef7e0", "#fce8e6"};

    private SvgDiagram() {
    }

    private record Box(int x, int y, int width) {
    }

    public static String svg(BundleModel model) {
        List<List<BundleModel.Node>> layers = model.layers();
        int rows = layers.stream().mapToInt(List::size).max().orElse(1);
        int height = TOP + rows * ROW + 16;
        Map<String, Box> boxes = new HashMap<>();
        int x = 16;
        for (List<BundleModel.Node> layer : layers) {
            int width = layer.stream().mapToInt(n -> Math.max(textWidth(n.label(), 13), textWidth(n.detail(), 10)))
                    .map(w -> Math.min(MAX_WIDTH, Math.max(120, w + 20))).max().orElse(120);
            int y = TOP + (rows - layer.size()) * ROW / 2;
            for (BundleModel.Node node : layer) {
                boxes.put(node.id(), new Box(x, y, width));
                y += ROW;
            }
            x += width + GAP;
        }
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(x - GAP + 16).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(x - GAP + 16).append(' ').append(height)
                .append("\" font-family=\"'Noto Sans CJK SC','Microsoft YaHei',sans-serif\">\n");
        out.append("<title>").append(xml(model.bundleName())).append(" 数据共享模型</title>\n");
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).isEmpty()) {
                Box first = boxes.get(layers.get(i).get(0).id());
                out.append("<text x=\"").append(first.x()).append("\" y=\"24\" font-size=\"14\" font-weight=\"bold\">")
                        .append(xml(BundleModel.LAYER_TITLES.get(i))).append("</text>\n");
            }
        }
        for (BundleModel.Edge edge : model.edges()) {
            Box from = boxes.get(edge.from());
            Box to = boxes.get(edge.to());
            int x1 = from.x() + from.width();
            int y1 = from.y() + BOX / 2;
            int y2 = to.y() + BOX / 2;
            out.append("<path d=\"M").append(x1).append(',').append(y1).append(" C").append(x1 + GAP / 2).append(',')
                    .append(y1).append(' ').append(to.x() - GAP / 2).append(',').append(y2).append(' ').append(to.x())
                    .append(',').append(y2).append("\" fill=\"none\" stroke=\"").append(edge.form() ? "#d9822b" : "#9aa0a6")
                    .append("\" stroke-opacity=\"0.7\"/>\n");
        }
        for (int i = 0; i < layers.size(); i++) {
            for (BundleModel.Node node : layers.get(i)) {
                Box box = boxes.get(node.id());
                out.append("<g id=\"").append(node.id()).append("\"><title>").append(xml(node.label())).append(" — ")
                        .append(xml(node.detail())).append("</title>");
                out.append("<rect x=\"").append(box.x()).append("\" y=\"").append(box.y()).append("\" width=\"")
                        .append(box.width()).append("\" height=\"").append(BOX).append("\" rx=\"6\" fill=\"")
                        .append(node.form() ? "#fff4e0" : FILL[i]).append("\" stroke=\"")
                        .append(node.form() ? "#d9822b" : "#5f6368").append("\"/>");
                out.append(label(box, 15, 13, node.label())).append(label(box, 30, 10, node.detail())).append("</g>\n");
            }
        }
        return out.append("</svg>\n").toString();
    }

    private static String label(Box box, int dy, int size, String text) {
        return "<text x=\"" + (box.x() + 8) + "\" y=\"" + (box.y() + dy) + "\" font-size=\"" + size + "\""
                + (size < 13 ? " fill=\"#5f6368\"" : "") + ">" + xml(fit(text, box.width() - 16, size)) + "</text>";
    }

    /** Shortens a label that would overflow its box; the full text stays in the box's tooltip. */
    private static String fit(String text, int width, int size) {
        if (textWidth(text, size) <= width) {
            return text;
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && textWidth(shown + "…", size) < width; i++) {
            shown.append(text.charAt(i));
        }
        return shown.substring(0, Math.max(0, shown.length() - 1)) + "…";
    }

    /** Wide (CJK) characters take a full em, others about 0.6 em. */
    static int textWidth(String text, int size) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += text.charAt(i) > 0x2E80 ? 1.0 : 0.6;
        }
        return (int) Math.ceil(em * size);
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
