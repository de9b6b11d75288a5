package gov.onceonly.hub.scaffold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The jdbc and kafka connectors of {@code new connector}, pointing at the sandbox's stand-ins: a jdbc one at the
 * database {@code standin_<id>}, whose tables the sandbox makes from the fixtures (a dataset's table and columns are
 * its names in snake_case, a target's exchange table is {@value #EXCHANGE_TABLE}); a kafka source at the topic
 * {@code <id>.<dataset>}, where the sandbox publishes the fixtures, a kafka target at {@code <id>.requests}, which it
 * reads. The names repeat the sandbox's (the core never reads the sandbox), and the tests of both hold them to the
 * same examples.
 */
final class StandInConnectors {

    static final String EXCHANGE_TABLE = "standin_exchange";

    private StandInConnectors() {
    }

    /** {@code placementType} and {@code service-record} become {@code placement_type} and {@code service_record}. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT).replace('-', '_');
    }

    static String connector(String kind, String role, String id, String department, String system, String dataset,
                            String field) {
        boolean source = role.equals("source");
        String variable = id.toUpperCase(Locale.ROOT).replace('-', '_');
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", id);
        file.put("department", department);
        file.put("system", system);
        file.put("kind", kind);
        file.put("role", role);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("title", dataset);
        first.put("key", "idNumber");
        if (kind.equals("jdbc")) {
            // The variables production sets; without them, the stand-in's database on the sandbox's server.
            Map<String, Object> jdbc = new LinkedHashMap<>();
            jdbc.put("url", "${" + variable + "_JDBC_URL:${hub.sandbox.postgres-url}/standin_" + snake(id) + '}'); // a placeholder, not JSON
            jdbc.put("username", "${" + variable + "_JDBC_USER:${hub.sandbox.postgres-user}}");
            jdbc.put("password", "${" + variable + "_JDBC_PASSWORD:}");
            jdbc.put("timeoutMillis", 3000);
            if (!source) {
                jdbc.put("insert", "insert into " + EXCHANGE_TABLE + " (idempotency_key, application_id, item_id, record, "
                        + "received_at) values (:?idempotencyKey, :?applicationId, :?itemId, :?record, current_timestamp) "
                        + "on conflict (idempotency_key) do update set duplicate_count = " + EXCHANGE_TABLE
                        + ".duplicate_count + 1");
            }
            file.put("jdbc", jdbc);
            first.put("query", "select " + snake(field) + " from " + snake(dataset) + " where id_number = :?key");
        } else {
            if (!source) {
                file.put("kafka", Map.of("topic", id + ".requests"));
            }
            first.put("topic", id + "." + dataset);
            first.put("keyField", "idNumber");
        }
        first.put("fields", Map.of(field, field));
        if (source) {
            file.put("datasets", Map.of(dataset, first));
        }
        return ScaffoldFiles.yaml(List.of("yaml-language-server: $schema=../schemas/connector.json",
                department + " " + id + ": written by `java -jar hub.jar new connector`; in the sandbox its stand-in",
                (kind.equals("jdbc") ? "is the database standin_" + snake(id) + ", made" : "publishes or reads its topics,")
                        + " from connectors/fixtures/" + id + ".yaml (docs/adding-a-department.md, \"Stand-ins\")."), file);
    }

    static String fixtures(String kind, String role, String id, String dataset, String field) {
        Map<String, Object> file = new LinkedHashMap<>();
        boolean source = role.equals("source");
        if (source) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put(field, "示例");
            file.put("datasets", Map.of(dataset, Map.of(NewConnectorCommand.SAMPLE_ID_NUMBER, record)));
        } else {
            file.put("datasets", Map.of()); // a target keeps what it receives; the file says it has a stand-in
        }
        String what = kind.equals("jdbc")
                ? source ? "its database's tables, made again from these records within a second of an edit."
                        : "its exchange table " + EXCHANGE_TABLE + ", read into the sandbox's inbox."
                : source ? "these records, published to the dataset's topic at start and again after an edit."
                        : "what arrives on its topic, kept in the sandbox's inbox.";
        return ScaffoldFiles.yaml(List.of("What the sandbox's " + kind + " stand-in of " + id + " serves "
                + "(docs/adding-a-department.md, \"Stand-ins\"):", what,
                "latencyMillis and errorRate apply to http stand-ins only."), file);
    }
}
