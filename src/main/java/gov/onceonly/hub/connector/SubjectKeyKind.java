package gov.onceonly.hub.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a dataset is keyed by: a person's citizen ID number or an enterprise's unified social credit code. */
public enum SubjectKeyKind {
    ID_NUMBER("idNumber"), CREDIT_CODE("creditCode");

    private final String yamlName;

    SubjectKeyKind(String yamlName) {
        this.yamlName = yamlName;
    }

    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static SubjectKeyKind parse(String value) {
        for (SubjectKeyKind kind : values()) {
            if (kind.yamlName.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("expected idNumber or creditCode");
    }
}
