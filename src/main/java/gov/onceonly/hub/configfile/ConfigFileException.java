package gov.onceonly.hub.configfile;

import java.util.List;

/**
 * A connector, mapping or route file that cannot be used. The message names the file, the line and column and the
 * path inside it, as the lint does, for example
 * {@code mappings/newborn.yaml:31:22: error: items[2].demands.birthDate.from: unknown dataset field 'birth.date'}.
 */
public class ConfigFileException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public ConfigFileException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigFileException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The same problems, each at its line and column in {@code content} (the text of the file they are about). */
    public ConfigFileException locatedIn(String content) {
        return new ConfigFileException(locate(problems, content));
    }

    /** {@code problems} placed in {@code content}; as they are when the text is not YAML (its error has its place). */
    public static List<ConfigProblem> locate(List<ConfigProblem> problems, String content) {
        if (problems.isEmpty()) {
            return problems;
        }
        YamlLocator locator;
        try {
            locator = YamlLocator.parse(content);
        } catch (RuntimeException notYaml) {
            return problems;
        }
        return problems.stream().map(p -> p.locatedBy(locator)).toList();
    }

    private static String render(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems in configuration files:");
        problems.forEach(problem -> text.append("\n  ").append(problem));
        return text.toString();
    }
}
