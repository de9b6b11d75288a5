package gov.onceonly.hub.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import gov.onceonly.hub.configfile.Suggestions;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentence for one validator error, in the file's terms: the schema's own message when it gives one, the bad
 * value when the error is about a value ("found 'ftp'"), and the name probably meant for an unknown key or value.
 */
final class ViolationText {

    /** A value longer than this (a query) is cut in the message: its line and column show the rest. */
    private static final int SHOWN = 60;

    private ViolationText() {
    }

    /** {@code schema}: the schema's text, where the names declared at the error's place are read. */
    static String of(Error e, JsonNode schema) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        if (!e.isCustomMessage() && "type".equals(keyword) && (e.getInstanceNode() == null || e.getInstanceNode().isNull())) {
            return "has no value";   // "key:" with nothing after it
        }
        if (!e.isCustomMessage() && "required".equals(keyword)) {
            return "is required";
        }
        if (!e.isCustomMessage() && "additionalProperties".equals(keyword)) {
            return "unknown property '" + e.getProperty() + "'" + Suggestions.didYouMean(e.getProperty(), declared(e, schema));
        }
        String message = withoutLocation(e.getMessage());
        if (!isAboutValue(e)) {
            return message;
        }
        String value = e.getInstanceNode().asText();
        String suggestion = "enum".equals(keyword) ? Suggestions.didYouMean(value, enumerated(e)) : "";
        return message + "; found '" + (value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value) + "'" + suggestion;
    }

    /** An error about a value written in the file (not about an object's keys), so shown where the value is. */
    static boolean isAboutValue(Error e) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        JsonNode value = e.getInstanceNode();
        return value != null && value.isValueNode() && !value.isNull()
                && !"required".equals(keyword) && !"additionalProperties".equals(keyword);
    }

    /** The property names the schema declares at the place of an additionalProperties error. */
    private static List<String> declared(Error e, JsonNode schema) {
        List<String> names = new ArrayList<>();
        NodePath keyword = e.getSchemaLocation() == null ? null : e.getSchemaLocation().getFragment();
        if (schema == null || keyword == null) {
            return names;
        }
        JsonNode place = schema;
        for (int i = 0; i < keyword.getNameCount() - 1 && place != null; i++) {
            Object step = keyword.getElement(i);
            place = step instanceof Integer index ? place.get(index) : place.get(String.valueOf(step));
        }
        if (place != null) {
            place.path("properties").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> enumerated(Error e) {
        List<String> values = new ArrayList<>();
        if (e.getSchemaNode() != null && e.getSchemaNode().isArray()) {
            e.getSchemaNode().forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    /** The validator's text starts with the location, which the violation carries as its path. */
    private static String withoutLocation(String text) {
        int colon = text.indexOf(": ");
        return colon >= 0 && text.startsWith("$") ? text.substring(colon + 2) : text;
    }
}
