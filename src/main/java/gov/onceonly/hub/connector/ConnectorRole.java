package gov.onceonly.hub.connector;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

/** A source gives datasets to the hub; a target is a back-office system that receives item records. */
public enum ConnectorRole {
    SOURCE, TARGET;

    @JsonCreator
    public static ConnectorRole parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
