package gov.onceonly.hub.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Java's {@code Object} (a {@code Map<String, Object>}'s values, a diff's before and after) is any JSON, where
 * springdoc's OpenAPI 3.0 says "an object": every schema that is a bare {@code type: object}, with no properties,
 * no additional properties and no reference, is made a schema of any value.
 */
public final class ObjectMeansAnyJson implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(schema -> visitInside(schema, seen));
        }
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> visit(operation, seen)));
        }
    }

    private static void visit(Operation operation, Set<Schema<?>> seen) {
        if (operation.getRequestBody() != null) {
            visit(operation.getRequestBody().getContent(), seen);
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> visit(response.getContent(), seen));
        }
    }

    private static void visit(Content content, Set<Schema<?>> seen) {
        if (content != null) {
            // A body's own bare object is one, as documented (a JSON Schema document); only what is inside may be any.
            content.values().forEach(media -> visitInside(media.getSchema(), seen));
        }
    }

    private static void visit(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema != null && "object".equals(schema.getType()) && schema.getProperties() == null
                && schema.getAdditionalProperties() == null && schema.get$ref() == null && schema.getAllOf() == null
                && schema.getAnyOf() == null && schema.getOneOf() == null) {
            schema.setType(null);
            // Any value includes null already; OpenAPI 3.0's nullable means something only beside a type.
            schema.setNullable(null);
            return;
        }
        visitInside(schema, seen);
    }

    private static void visitInside(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> visit(property, seen));
        }
        visit(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            visit(values, seen);
        }
        for (List<Schema> parts : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
            parts.forEach(part -> visit(part, seen));
        }
    }

    @SuppressWarnings("rawtypes")
    private static List<Schema> nonNull(List<Schema> parts) {
        return parts == null ? List.of() : parts;
    }
}
