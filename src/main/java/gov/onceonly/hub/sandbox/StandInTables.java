package gov.onceonly.hub.sandbox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a jdbc stand-in's database is laid out, derived from names alone so that a connector can be written to match
 * it without running anything (the scaffold writes the same names): database {@code standin_<connector>}, one table
 * per dataset named after it, the key column named after the dataset's {@code key}, one column per record field,
 * all snake_case; a target's exchange table {@value #EXCHANGE_TABLE}, shaped as the catalogue's.
 */
final class StandInTables {

    static final String EXCHANGE_TABLE = "standin_exchange";

    /** An unquoted PostgreSQL identifier: anything else is refused rather than quoted, as a query names it bare. */
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private StandInTables() {
    }

    /** {@code veteran-records} becomes {@code standin_veteran_records}. */
    static String database(String connector) {
        return identifier("standin_" + snake(connector), "connector " + connector);
    }

    /** A dataset, a key or a field as a table or column name: {@code service-record} and {@code idNumber} become
     * {@code service_record} and {@code id_number}. */
    static String snake(String name) {
        return CatalogueDatabases.column(name).replace('-', '_');
    }

    /**
     * The statements that make a dataset's table hold exactly its fixtures: the table dropped and made again from the
     * records' fields (a field added, removed or of another type is followed), then one insert per record, its
     * values in {@link #values} order.
     */
    record Table(String name, String keyColumn, List<String> fields, List<String> columns, String drop, String create,
                 String insert) {

        /** A record's values in the insert's order: its key, then its fields (null where it has none). */
        List<Object> values(String key, Map<String, Object> record) {
            List<Object> values = new ArrayList<>();
            values.add(key);
            fields.forEach(f -> {
                Object value = record.get(f);
                values.add(value instanceof Map || value instanceof List ? String.valueOf(value) : value);
            });
            return values;
        }
    }

    /** The table of a dataset keyed by {@code key} (the connector's {@code key}, such as idNumber). */
    static Table table(String dataset, String key, Map<String, Map<String, Object>> records) {
        String name = identifier(snake(dataset), "dataset " + dataset);
        String keyColumn = identifier(snake(key), "key " + key);
        Set<String> fields = new LinkedHashSet<>();
        records.values().forEach(r -> fields.addAll(r.keySet()));
        fields.removeIf(f -> snake(f).equals(keyColumn)); // the key is its own column, from the record's key
        List<String> ordered = List.copyOf(fields);
        List<String> columns = ordered.stream().map(f -> identifier(snake(f), "field " + f)).toList();
        String definitions = ordered.stream().map(f -> identifier(snake(f), f) + " " + sqlType(f, records))
                .collect(Collectors.joining(", "));
        String create = "create table " + name + " (" + keyColumn + " text primary key"
                + (definitions.isEmpty() ? "" : ", " + definitions) + ")";
        String insert = "insert into " + name + " (" + String.join(", ", prepend(keyColumn, columns)) + ") values ("
                + "?" + ", ?".repeat(columns.size()) + ")";
        return new Table(name, keyColumn, ordered, columns, "drop table if exists " + name, create, insert);
    }

    /** The column type of a field, from the first record that has a value for it; text when in doubt. */
    static String sqlType(String field, Map<String, Map<String, Object>> records) {
        Object sample = records.values().stream().map(r -> r.get(field)).filter(v -> v != null).findFirst().orElse("");
        if (sample instanceof Integer || sample instanceof Long || sample instanceof BigInteger) {
            return "bigint";
        }
        if (sample instanceof Double || sample instanceof Float || sample instanceof BigDecimal) {
            return "numeric";
        }
        if (sample instanceof Boolean) {
            return "boolean";
        }
        return "text"; // YAML dates are read as text, and a department's date column read back as text is as good
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String identifier(String name, String what) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!IDENTIFIER.matcher(lower).matches()) {
            throw new IllegalArgumentException(what + " gives '" + lower + "', not a plain SQL name (a-z, 0-9, _, at "
                    + "most 63)");
        }
        return lower;
    }
}
