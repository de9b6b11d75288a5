package gov.onceonly.hub.catalog;

/**
 * A field of the one form the applicant fills: only what no department source provides. {@code example} is a
 * valid value, shown in the form's JSON Schema and used by the sandbox to fill a sample application.
 */
public record FormField(String title, FormFieldType type, Boolean required, Integer maxLength, String pattern,
                        Object example) {

    public FormField {
        type = type == null ? FormFieldType.STRING : type;
        required = required == null || required;
        maxLength = maxLength == null ? 200 : maxLength;
    }
}
