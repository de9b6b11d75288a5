package gov.onceonly.hub.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A request body's own constraints, declared on its record with Bean Validation ({@code @NotBlank}, {@code @Size},
 * {@code @AssertTrue}, {@code @Valid} on what it holds), as violations in the hub's terms: the field as a JSON path
 * ({@code parties.deceased.idNumber}), the rule's name and its sentence. What depends on the bundle or the clock
 * stays in the feature's validator.
 */
public final class RequestConstraints {

    private final Validator validator;

    public RequestConstraints(Validator validator) {
        this.validator = validator;
    }

    /** The violations of {@code body}, ordered by field; none for a null body (its absence is the caller's rule). */
    public List<FieldViolation> of(Object body) {
        if (body == null) {
            return List.of();
        }
        return validator.validate(body).stream()
                .map(RequestConstraints::violation)
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::rule))
                .toList();
    }

    private static FieldViolation violation(ConstraintViolation<?> violation) {
        return new FieldViolation(field(violation.getPropertyPath()), rule(violation), violation.getMessage());
    }

    /** {@code parties[deceased].idNumber} in Bean Validation's notation is {@code parties.deceased.idNumber} here. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('.').append(node.getKey() != null ? node.getKey() : node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append('.').append(node.getName());
            }
        }
        return field.length() == 0 ? "" : field.substring(1);
    }

    private static String rule(ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object value = violation.getInvalidValue();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "AssertTrue" -> "must-be-true";
            case "Size" -> value instanceof Collection<?> || value instanceof Map<?, ?> ? "maxItems" : "maxLength";
            default -> Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
        };
    }
}
