package gov.onceonly.hub.configfile;

import java.util.List;

/**
 * A connector, mapping or route file that cannot be used. The message names the file and the path
 * inside it, for example {@code mappings/newborn.yaml: items[2].demands.birthDate.from: unknown dataset field}.
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

    private static String render(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems in configuration files:");
        problems.forEach(problem -> text.append("\n  ").append(problem));
        return text.toString();
    }
}
