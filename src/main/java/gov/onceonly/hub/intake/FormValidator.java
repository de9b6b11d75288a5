package gov.onceonly.hub.intake;

import gov.onceonly.hub.catalog.FormField;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the applicant's form against the bundle's declared form: nothing unknown, nothing required missing. */
final class FormValidator {

    private FormValidator() {
    }

    static void check(Map<String, FormField> declared, Map<String, Object> form, List<FieldViolation> violations) {
        form.keySet().stream().filter(name -> !declared.containsKey(name)).sorted().forEach(name ->
                violations.add(new FieldViolation("form." + name, "unknown-field",
                        "is not a field of this bundle's form; the hub fills it or no item needs it")));
        declared.forEach((name, field) -> {
            Object value = form.get(name);
            String path = "form." + name;
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (field.required()) {
                    violations.add(new FieldViolation(path, "required", "is required"));
                }
                return;
            }
            checkType(path, field, value, violations);
        });
    }

    private static void checkType(String path, FormField field, Object value, List<FieldViolation> violations) {
        switch (field.type()) {
            case STRING -> {
                if (!(value instanceof String s)) {
                    violations.add(new FieldViolation(path, "type", "must be a string"));
                } else if (s.length() > field.maxLength()) {
                    violations.add(new FieldViolation(path, "maxLength", "must be at most " + field.maxLength() + " characters"));
                } else if (field.pattern() != null && !Pattern.matches(field.pattern(), s)) {
                    violations.add(new FieldViolation(path, "pattern", "must match " + field.pattern()));
                }
            }
            case INTEGER -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    violations.add(new FieldViolation(path, "type", "must be an integer"));
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    violations.add(new FieldViolation(path, "type", "must be true or false"));
                }
            }
            case ID_NUMBER -> checkKey(path, value, CitizenIdNumber.problem(String.valueOf(value)).orElse(null), "GB11643", violations);
            case CREDIT_CODE -> checkKey(path, value, CreditCode.problem(String.valueOf(value)).orElse(null), "GB32100", violations);
            case DATE -> {
                try {
                    LocalDate.parse(String.valueOf(value));
                } catch (DateTimeParseException e) {
                    violations.add(new FieldViolation(path, "type", "must be a date as YYYY-MM-DD"));
                }
            }
        }
    }

    private static void checkKey(String path, Object value, String problem, String rule, List<FieldViolation> violations) {
        if (!(value instanceof String)) {
            violations.add(new FieldViolation(path, "type", "must be a string"));
        } else if (problem != null) {
            violations.add(new FieldViolation(path, rule, problem));
        }
    }
}
