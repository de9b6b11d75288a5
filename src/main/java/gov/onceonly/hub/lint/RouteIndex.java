package gov.onceonly.hub.lint;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The ids declared in {@code routes/}: route templates (which connectors instantiate), routes and route
 * configurations. Every one needs a stable id, unique across the folder, because operators, metrics and
 * Hawtio name routes by it.
 */
final class RouteIndex {

    private static final List<String> KINDS = List.of("route", "routeTemplate", "routeConfiguration");

    /** Where a template was declared, and the uri it consumes. */
    record Template(String file, String fromUri) {
    }

    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    /**
     * Adds the declarations of one file.
     *
     * @param problem called with (path in the file, message) for a missing or duplicate id
     */
    void add(String file, JsonNode document, BiConsumer<String, String> problem) {
        if (document == null || !document.isArray()) {
            return;
        }
        for (int i = 0; i < document.size(); i++) {
            JsonNode element = document.get(i);
            for (String kind : KINDS) {
                JsonNode declaration = element.get(kind);
                if (declaration == null) {
                    continue;
                }
                String at = "[" + i + "]." + kind;
                String id = declaration.path("id").asText(null);
                if (id == null || id.isBlank()) {
                    problem.accept(at, "every " + kind + " needs a stable id (operators and metrics name it)");
                    continue;
                }
                String earlier = ids.putIfAbsent(id, file);
                if (earlier != null) {
                    problem.accept(at + ".id", "id '" + id + "' is already used in " + earlier);
                }
                if (kind.equals("routeTemplate")) {
                    templates.put(id, new Template(file, declaration.path("route").path("from").path("uri").asText(null)));
                }
            }
        }
    }

    Optional<Template> template(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    java.util.Set<String> templateIds() {
        return templates.keySet();
    }
}
