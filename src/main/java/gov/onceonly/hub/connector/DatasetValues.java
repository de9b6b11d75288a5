package gov.onceonly.hub.connector;

import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps only the fields a dataset declares (department answers are untrusted and may carry more), checks that each
 * is a plain value (text, number, boolean, date) of bounded length, and turns driver types into plain JSON values. Column names match fields ignoring case and underscores, so
 * {@code birth_weight_grams} feeds {@code birthWeightGrams} on PostgreSQL and MariaDB alike. Text loses any
 * U+0000, which PostgreSQL cannot store.
 */
final class DatasetValues {

    /** The longest text a declared field may carry: the default of {@code hub.sources.max-field-chars}. */
    static final int DEFAULT_MAX_FIELD_CHARS = 131072;

    /** A department's answer that breaks its dataset's declaration; the message names the field, never its value. */
    static final class UndeclaredShapeException extends IllegalArgumentException {
        UndeclaredShapeException(String message) {
            super(message);
        }
    }

    private DatasetValues() {
    }

    static Map<String, Object> declaredOnly(DatasetDefinition dataset, Map<String, ?> raw, int maxFieldChars) {
        Map<String, String> byNormalName = new LinkedHashMap<>();
        dataset.fields().keySet().forEach(f -> byNormalName.put(normal(f), f));
        Map<String, Object> kept = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            String field = byNormalName.get(normal(name));
            if (field != null && value != null) {
                if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
                    throw new UndeclaredShapeException("field '" + field + "' is not a plain value");
                }
                Object plain = plain(value);
                if (plain instanceof String text && text.length() > maxFieldChars) {
                    throw new UndeclaredShapeException("field '" + field + "' is longer than " + maxFieldChars + " characters");
                }
                kept.put(field, plain);
            }
        });
        return kept;
    }

    /** The value of a column named like {@code field} (ignoring case and underscores), as text. */
    static String column(Map<String, ?> row, String field) {
        for (var entry : row.entrySet()) {
            if (normal(entry.getKey()).equals(normal(field))) {
                return entry.getValue() == null ? null : entry.getValue().toString().strip();
            }
        }
        return null;
    }

    private static String normal(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Object plain(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return withoutNul(value.toString());
    }

    /**
     * PostgreSQL's text and jsonb refuse U+0000: a department value carrying it (a padded CHAR column, a sloppy
     * export) would fail the collect transaction at every attempt. The character carries nothing; it goes.
     */
    static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }
}
