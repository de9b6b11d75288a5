package gov.onceonly.hub.connector;

import gov.onceonly.hub.configfile.ConfigProblem;

import java.util.List;

/**
 * What the connector schema ({@code schemas/connector.json}, checked first) cannot see: the file it was read from.
 * Everything a file says about itself (the kind's block, datasets, delivery settings) is the schema's to check.
 */
public final class ConnectorValidator {

    private ConnectorValidator() {
    }

    public static List<ConfigProblem> check(String file, String expectedId, ConnectorDefinition c) {
        if (c.id() != null && !c.id().equals(expectedId)) {
            return List.of(ConfigProblem.ofValue(file, "id", "must equal the file name '" + expectedId + "'"));
        }
        return List.of();
    }
}
