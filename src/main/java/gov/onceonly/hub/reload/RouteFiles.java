package gov.onceonly.hub.reload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The route templates declared in route files: a changed template's connectors are instantiated again. */
final class RouteFiles {

    private static final ObjectMapper YAML = new YAMLMapper();

    private RouteFiles() {
    }

    static Set<String> templateIds(Path root, Collection<String> files) {
        Set<String> ids = new LinkedHashSet<>();
        for (String file : files) {
            try {
                JsonNode document = YAML.readTree(root.resolve(file).toFile());
                if (document != null && document.isArray()) {
                    document.forEach(element -> {
                        String id = element.path("routeTemplate").path("id").asText(null);
                        if (id != null) {
                            ids.add(id);
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }
}
