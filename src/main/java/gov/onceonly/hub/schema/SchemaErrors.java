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
    record Raw(String path, String keyword, String message, String property, boolean custom, boolean atValue) {

        ConfigSchemas.Violation violation() {
            return new ConfigSchemas.Violation(path, message, atValue);
        }

        /** About the object's keys: a missing one, or one the schema does not know. */
        boolean aboutKeys() {
            return ("required".equals(keyword) || "additionalProperties".equals(keyword)) && property != null
                    && path.endsWith("." + property);
        }
    }

    static List<ConfigSchemas.Violation> condense(List<Raw> raw) {
        Map<String, List<Raw>> byPath = new LinkedHashMap<>();
        for (Raw r : raw) {
            // A missing or unknown key sits at the object's path plus the key; group it with its object.
            String at = r.aboutKeys() ? r.path().substring(0, r.path().length() - r.property().length() - 1) : r.path();
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
                custom.stream().map(Raw::violation).distinct().forEach(violations::add);
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

    /**
     * An unknown key and a missing one are separate mistakes (a misspelt {@code baseurl} is both), reported together;
     * among alternatives (one of Camel's processors) the keys each alternative misses are noise.
     */
    private static List<ConfigSchemas.Violation> best(List<Raw> errors) {
        boolean alternatives = errors.stream().anyMatch(e -> isAlternative(e.keyword()));
        List<Raw> unknown = errors.stream().filter(e -> "additionalProperties".equals(e.keyword())).toList();
        if (!unknown.isEmpty() && !alternatives) {
            return errors.stream().filter(e -> "additionalProperties".equals(e.keyword()) || "required".equals(e.keyword()))
                    .map(Raw::violation).distinct().toList();
        }
        for (String keyword : PRIORITY) {
            List<Raw> matching = errors.stream().filter(e -> keyword.equals(e.keyword())).toList();
            if (matching.isEmpty()) {
                continue;
            }
            if (keyword.equals("required") && matching.size() > 1 && errors.stream().anyMatch(e -> isAlternative(e.keyword()))) {
                return List.of(new ConfigSchemas.Violation(matching.get(0).path().substring(0,
                        matching.get(0).path().length() - matching.get(0).property().length() - 1),
                        "needs one of " + matching.stream().map(Raw::property).toList(), false));
            }
            return matching.stream().map(Raw::violation).distinct().toList();
        }
        return List.of(errors.get(0).violation());
    }

    private static boolean isAlternative(String keyword) {
        return "oneOf".equals(keyword) || "anyOf".equals(keyword) || "not".equals(keyword);
    }
}
