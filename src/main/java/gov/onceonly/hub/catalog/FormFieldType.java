package gov.onceonly.hub.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The value types a form field may take. {@code idNumber} and {@code creditCode} are strings that must also pass
 * their standard's check character (GB 11643, GB 32100), for the third parties an applicant names on a form.
 */
public enum FormFieldType {
    STRING("string"), INTEGER("integer"), DATE("date"), BOOLEAN("boolean"),
    ID_NUMBER("idNumber"), CREDIT_CODE("creditCode");

    private final String yamlName;

    FormFieldType(String yamlName) {
        this.yamlName = yamlName;
    }

    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static FormFieldType parse(String value) {
        for (FormFieldType type : values()) {
            if (type.yamlName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("expected string, integer, date, boolean, idNumber or creditCode");
    }
}
