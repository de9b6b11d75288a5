package gov.onceonly.hub.dryrun;

import gov.onceonly.hub.subject.Masking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one item's record would differ under the candidate mapping: fields whose value changes, fields that
 * appear, fields that disappear. {@code notRecorded} names candidate fields the replay cannot know, because
 * their source was not asked for them when the application ran (a live pull would tell).
 */
public record ItemDiff(String item, Change change, Map<String, Values> changed, Map<String, Object> appeared,
                       Map<String, Object> disappeared, List<String> notRecorded) {

    public enum Change { UNCHANGED, CHANGED, ADDED, REMOVED }

    public record Values(Object before, Object after) {
    }

    /**
     * An operator sees what changes, not whose data it is: a value shaped like an ID number or a credit code
     * (18 characters of digits and capitals) is masked as in the logs.
     */
    static Object shown(Object value) {
        return value instanceof String text && text.matches("[0-9A-Z]{17}[0-9A-Z]") ? Masking.mask(text) : value;
    }

    static ItemDiff between(String item, Map<String, Object> before, Map<String, Object> after, List<String> notRecorded) {
        Map<String, Values> changed = new LinkedHashMap<>();
        Map<String, Object> appeared = new LinkedHashMap<>();
        Map<String, Object> disappeared = new LinkedHashMap<>();
        if (before != null && after != null) {
            after.forEach((field, value) -> {
                if (!before.containsKey(field)) {
                    appeared.put(field, shown(value));
                } else if (!Objects.equals(before.get(field), value)) {
                    changed.put(field, new Values(shown(before.get(field)), shown(value)));
                }
            });
            before.forEach((field, value) -> {
                if (!after.containsKey(field)) {
                    disappeared.put(field, shown(value));
                }
            });
        } else if (after != null) {
            after.forEach((field, value) -> appeared.put(field, shown(value)));
        } else if (before != null) {
            before.forEach((field, value) -> disappeared.put(field, shown(value)));
        }
        Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED
                : changed.isEmpty() && appeared.isEmpty() && disappeared.isEmpty() ? Change.UNCHANGED : Change.CHANGED;
        return new ItemDiff(item, change, changed, appeared, disappeared, notRecorded);
    }
}
