package gov.onceonly.hub.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validator's raw errors into what an engineer can act on. A schema with alternatives (Camel's: one of
 * 26 expression languages, one of 6 error handlers) reports every alternative that failed; the useful error is
 * the deepest one, and a list of missing alternatives reads better as "needs one of".
 */
final class SchemaErrors {

    private static final List<String> PRIORITY = List.of("additionalProperties", "type", "enum", "pattern", "required");

    private SchemaErrors() {
    }

    /** {@code custom}: the schema's own message for this rule (its {@code errorMessage}), which always shows. */
    record Raw(String path, String keyword, String message, String property, boolean custom) {
    }

    static List<ConfigSchemas.Violation> condense(List<Raw> raw) {
        Map<String, List<Raw>> byPath = new LinkedHashMap<>();
        for (Raw r : raw) {
            // A "required" error sits at the object's path plus the property; group it with its object.
            String at = "required".equals(r.keyword()) && r.property() != null && r.path().endsWith("." + r.property())
                    ? r.path().substring(0, r.path().length() - r.property().length() - 1) : r.path();
            byPath.computeIfAbsent(at, k -> new ArrayList<>()).add(r);
        }
        // Below a rule with the schema's own message ("a target has no datasets") the details would only distract.
        List<String> ruled = raw.stream().filter(Raw::custom).map(Raw::path).distinct().toList();
        List<ConfigSchemas.Violation> violations = new ArrayList<>();
        byPath.forEach((path, errors) -> {
            if (ruled.stream().anyMatch(above -> below(path, above))) {
                return;
            }
            boolean deeperExists = byPath.keySet().stream().anyMatch(other -> below(other, path));
            List<Raw> custom = errors.stream().filter(Raw::custom).toList();
            if (!custom.isEmpty()) {
                custom.stream().map(e -> new ConfigSchemas.Violation(e.path(), e.message())).distinct()
                        .forEach(violations::add);
                return;
            }
            if (deeperExists && errors.stream().noneMatch(e -> "additionalProperties".equals(e.keyword()))) {
                return;
            }
            violations.addAll(best(errors));
        });
        return violations;
    }

    /** Whether {@code path} lies strictly below {@code above}. */
    private static boolean below(String path, String above) {
        return !path.equals(above) && (above.isEmpty() ? !path.isEmpty() : path.startsWith(above + ".") || path.startsWith(above + "["));
    }

    private static List<ConfigSchemas.Violation> best(List<Raw> errors) {
        for (String keyword : PRIORITY) {
            List<Raw> matching = errors.stream().filter(e -> keyword.equals(e.keyword())).toList();
            if (matching.isEmpty()) {
                continue;
            }
            if (keyword.equals("required") && matching.size() > 1 && errors.stream().anyMatch(e -> isAlternative(e.keyword()))) {
                return List.of(new ConfigSchemas.Violation(matching.get(0).path().substring(0,
                        matching.get(0).path().length() - matching.get(0).property().length() - 1),
                        "needs one of " + matching.stream().map(Raw::property).toList()));
            }
            return matching.stream().map(e -> new ConfigSchemas.Violation(e.path(), e.message())).distinct().toList();
        }
        return List.of(new ConfigSchemas.Violation(errors.get(0).path(), errors.get(0).message()));
    }

    private static boolean isAlternative(String keyword) {
        return "oneOf".equals(keyword) || "anyOf".equals(keyword) || "not".equals(keyword);
    }
}
