package gov.onceonly.hub.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 个人 (personal, keyed by ID number) or 企业 (enterprise, keyed by credit code). */
public enum BundleType {
    PERSONAL("personal"), ENTERPRISE("enterprise");

    private final String yamlName;

    BundleType(String yamlName) {
        this.yamlName = yamlName;
    }

    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static BundleType parse(String value) {
        for (BundleType type : values()) {
            if (type.yamlName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("expected personal or enterprise");
    }
}
