package gov.onceonly.hub.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;

/**
 * What the records the API answers with say about null, written into the OpenAPI document as springdoc builds it: a
 * primitive component is always there (required); any other may be null, as Jackson writes it (nullable; an enum
 * with null among its values; a referenced record marked nullable itself). Derived from the code, so the document
 * cannot drift from the records.
 */
public final class RecordNullability implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema<?> property = model.getProperties().get(component.getName());
            if (property == null || Boolean.TRUE.equals(property.getNullable())) {
                continue;
            }
            if (component.getType().isPrimitive()) {
                if (model.getRequired() == null || !model.getRequired().contains(component.getName())) {
                    model.addRequiredItem(component.getName());
                }
            } else {
                markNullable(property, context);
            }
        }
        return schema;
    }

    /**
     * A component that may be null. A referenced schema is marked itself: OpenAPI 3.0 ignores a sibling of
     * {@code $ref}, and validators do not carry {@code nullable} through {@code allOf}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void markNullable(Schema<?> property, ModelConverterContext context) {
        if (property.get$ref() != null) {
            Schema<?> referenced = context.getDefinedModels().get(property.get$ref()
                    .substring(property.get$ref().lastIndexOf('/') + 1));
            if (referenced != null) {
                referenced.setNullable(true);
            }
            return;
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            ((List) property.getEnum()).add(null);
        }
        property.setNullable(true);
    }
}
