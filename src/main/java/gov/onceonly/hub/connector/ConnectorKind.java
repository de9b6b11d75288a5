package gov.onceonly.hub.connector;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

/** How the hub talks to a department system. Each kind is a route template in {@code routes/}. */
public enum ConnectorKind {
    HTTP, JDBC, KAFKA;

    @JsonCreator
    public static ConnectorKind parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
