package gov.onceonly.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.FormSchema;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks an applicant's form against the JSON Schema that {@code GET /api/v1/bundles/{id}/form-schema} publishes
 * (FormSchema), with the formats {@code gb11643} and {@code gb32100} asserted: what a channel can check before
 * sending is exactly what the hub checks. A blank answer is no answer, as a form's empty box is.
 */
final class FormSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SubjectKeyFormat> KEY_FORMATS = Map.of(
            FormSchema.ID_NUMBER_FORMAT, new SubjectKeyFormat(FormSchema.ID_NUMBER_FORMAT, CitizenIdNumber::problem),
            FormSchema.CREDIT_CODE_FORMAT, new SubjectKeyFormat(FormSchema.CREDIT_CODE_FORMAT, CreditCode::problem));
    private static final Map<String, String> KEY_RULES = Map.of(
            FormSchema.ID_NUMBER_FORMAT, "GB11643", FormSchema.CREDIT_CODE_FORMAT, "GB32100");

    private final SchemaRegistry registry = SchemaRegistry.withDialect(
            Dialect.builder(Dialects.getDraft202012()).formats(KEY_FORMATS.values()).build(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    /** One compiled schema per bundle version: a reload that changes a form compiles the new one. */
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    void check(CompiledBundle bundle, Map<String, Object> form, List<FieldViolation> violations) {
        Map<String, Object> answered = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                answered.put(name, value);
            }
        });
        List<Error> errors = schema(bundle).validate(JSON.valueToTree(answered));
        // A key with a wrong check character breaks its format only; a malformed one breaks the pattern too.
        Set<String> formatBroken = errors.stream().filter(e -> "format".equals(e.getKeyword()))
                .map(FormSchemaCheck::field).collect(Collectors.toSet());
        errors.stream()
                .filter(e -> !("pattern".equals(e.getKeyword()) && formatBroken.contains(field(e))))
                .map(e -> violation(e, answered))
                .distinct()
                .sorted(Comparator.comparing(FieldViolation::field))
                .forEach(violations::add);
    }

    private Schema schema(CompiledBundle bundle) {
        return schemas.computeIfAbsent(bundle.id() + "@" + bundle.version(),
                key -> registry.getSchema(JSON.valueToTree(FormSchema.of(bundle))));
    }

    private static FieldViolation violation(Error e, Map<String, Object> answered) {
        String field = field(e);
        String path = "form." + field;
        JsonNode rule = e.getSchemaNode();
        return switch (e.getKeyword()) {
            case "additionalProperties" -> new FieldViolation(path, "unknown-field",
                    "is not a field of this bundle's form; the hub fills it or no item needs it");
            case "required" -> new FieldViolation(path, "required", "is required");
            case "type" -> new FieldViolation(path, "type", switch (rule.asText()) {
                case "integer" -> "must be an integer";
                case "boolean" -> "must be true or false";
                default -> "must be a string";
            });
            case "maxLength" -> new FieldViolation(path, "maxLength", "must be at most " + rule.asInt() + " characters");
            case "pattern" -> new FieldViolation(path, "pattern", "must match " + rule.asText());
            case "format" -> {
                SubjectKeyFormat key = KEY_FORMATS.get(rule.asText());
                yield key == null ? new FieldViolation(path, "type", "must be a date as YYYY-MM-DD")
                        : new FieldViolation(path, KEY_RULES.get(rule.asText()), key.problem(String.valueOf(answered.get(field))));
            }
            default -> new FieldViolation(path, e.getKeyword(), e.getMessage());
        };
    }

    /** The form's field an error is about: the property named by required and additionalProperties, else the place. */
    private static String field(Error e) {
        if (e.getProperty() != null && ("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword()))) {
            return e.getProperty();
        }
        return e.getInstanceLocation().getNameCount() == 0 ? "" : e.getInstanceLocation().getName(0);
    }
}
