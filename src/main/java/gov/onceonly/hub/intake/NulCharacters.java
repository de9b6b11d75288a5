package gov.onceonly.hub.intake;

import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's text and jsonb cannot hold the character U+0000, so an input carrying one would fail when it is
 * stored, as a 500. It is refused beforehand instead, naming the field, like any other broken rule.
 */
public final class NulCharacters {

    public static final String RULE = "no-nul-character";

    private NulCharacters() {
    }

    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Adds one violation for every string at or under {@code path} (map keys and values, list elements) holding U+0000. */
    public static void check(String path, Object value, List<FieldViolation> violations) {
        if (value instanceof String text) {
            if (in(text)) {
                violations.add(violation(path));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> {
                String name = String.valueOf(key);
                if (in(name)) {
                    violations.add(violation(path + "." + without(name)));
                } else {
                    check(path + "." + name, nested, violations);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(path + "[" + i + "]", list.get(i), violations);
            }
        }
    }

    public static FieldViolation violation(String path) {
        return new FieldViolation(path, RULE, "must not contain the character U+0000 (NUL)");
    }

    /** The text without U+0000, for echoing it in a message or keeping it where PostgreSQL refuses the character. */
    public static String without(String text) {
        return text == null ? null : text.replace("\0", "");
    }
}
