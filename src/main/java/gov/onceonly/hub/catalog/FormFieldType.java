package gov.onceonly.hub.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The value types a form field may take. */
public enum FormFieldType {
    STRING, INTEGER, DATE, BOOLEAN;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FormFieldType parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
