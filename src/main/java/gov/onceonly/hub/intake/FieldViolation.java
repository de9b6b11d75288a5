package gov.onceonly.hub.intake;

/** One broken rule: the field (a JSON path such as {@code form.babyName}), the rule's name, and a sentence. */
public record FieldViolation(String field, String rule, String message) {
}
