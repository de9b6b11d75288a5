package gov.onceonly.hub.connector;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

/**
 * How the hub talks to a department system. Each kind is a route template in {@code routes/}; {@code ROUTE} names
 * its template in the connector file, for a department that is not plain http, jdbc or kafka.
 */
public enum ConnectorKind {
    HTTP, JDBC, KAFKA, ROUTE;

    @JsonCreator
    public static ConnectorKind parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
