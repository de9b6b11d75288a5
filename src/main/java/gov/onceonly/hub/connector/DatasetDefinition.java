package gov.onceonly.hub.connector;

import java.util.LinkedHashMap;

/**
 * A set of fields a source exposes for one key. Where the dataset lives depends on the connector's kind:
 * an http {@code path} with a {@code {key}} placeholder, a jdbc {@code query} with a {@code :?key}
 * parameter, or a kafka {@code topic} whose records carry the key in {@code keyField}.
 */
public record DatasetDefinition(
        String title,
        SubjectKeyKind key,
        String path,
        String query,
        String topic,
        String keyField,
        LinkedHashMap<String, String> fields) {

    public DatasetDefinition {
        fields = fields == null ? new LinkedHashMap<>() : fields;
    }
}
