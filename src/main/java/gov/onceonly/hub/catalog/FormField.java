package gov.onceonly.hub.catalog;

/** A field of the one form the applicant fills: only what no department source provides. */
public record FormField(String title, FormFieldType type, Boolean required, Integer maxLength, String pattern) {

    public FormField {
        type = type == null ? FormFieldType.STRING : type;
        required = required == null || required;
        maxLength = maxLength == null ? 200 : maxLength;
    }
}
