package gov.onceonly.hub.configfile;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a path such as {@code items[2].demands.birthDate.from} is written in a YAML file, so that every
 * problem can be printed as {@code file:line:column} for editors and CI, by the lint and at startup alike. A path
 * that goes deeper than the file (a missing property) points at the deepest part that exists.
 */
public final class YamlLocator {

    private static final Pattern STEP = Pattern.compile("\\[(\\d+)]|([^.\\[]+)");

    private final Node root;

    private YamlLocator(Node root) {
        this.root = root;
    }

    /** @throws org.yaml.snakeyaml.error.MarkedYAMLException where the text is not YAML, with its line and column */
    public static YamlLocator parse(String content) {
        return new YamlLocator(new Yaml(new LoaderOptions()).compose(new StringReader(content)));
    }

    /** One-based line and column. */
    public record Position(int line, int column) {

        public static Position of(Mark mark) {
            return new Position(mark.getLine() + 1, mark.getColumn() + 1);
        }

        /** The line and column of a character offset in the text. */
        public static Position at(String content, int offset) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < Math.min(offset, content.length()); i++) {
                if (content.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Position(line, offset - lineStart + 1);
        }
    }

    /** Where the path's key is written: a key nobody knows, a block that lacks something, are there. */
    public Position locate(String path) {
        return locate(path, false);
    }

    /** Where the path's value is written (a bad value is shown where it is, not at its key). */
    public Position locateValue(String path) {
        return locate(path, true);
    }

    private Position locate(String path, boolean value) {
        if (root == null) {
            return new Position(1, 1);
        }
        Node node = root;
        Mark at = root.getStartMark();
        for (String step : steps(path)) {
            Node next = null;
            Mark nextAt = null;
            if (step.startsWith("[") && node instanceof SequenceNode seq) {
                int index = Integer.parseInt(step.substring(1, step.length() - 1));
                if (index < seq.getValue().size()) {
                    next = seq.getValue().get(index);
                    nextAt = next.getStartMark();
                }
            } else if (node instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step)) {
                        next = tuple.getValueNode();
                        nextAt = value && next instanceof ScalarNode ? next.getStartMark() : key.getStartMark();
                    }
                }
            }
            if (next == null) {
                break;
            }
            node = next;
            at = nextAt;
        }
        return Position.of(at);
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        if (path == null) {
            return steps;
        }
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            steps.add(m.group(1) != null ? "[" + m.group(1) + "]" : m.group(2));
        }
        return steps;
    }
}
