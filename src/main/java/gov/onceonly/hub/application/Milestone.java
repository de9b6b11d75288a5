package gov.onceonly.hub.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * How far an item must have gone before the items that wait for it go out: delivered to its department, accepted
 * there (受理), or done (办结), for example when the next item needs the licence the first one produces.
 */
public enum Milestone {
    DELIVERED, ACCEPTED, DONE;

    /** Whether an item in this status has reached the milestone. An item that does not apply holds nobody up. */
    public boolean reachedBy(ItemStatus status) {
        if (status == ItemStatus.NOT_APPLICABLE) {
            return true;
        }
        return switch (this) {
            case DELIVERED -> status.atDepartment() && status != ItemStatus.WITHDRAWING && status != ItemStatus.WITHDRAWN;
            case ACCEPTED -> status == ItemStatus.ACCEPTED || status == ItemStatus.IN_PROGRESS || status == ItemStatus.DONE;
            case DONE -> status == ItemStatus.DONE;
        };
    }

    /** Whether an item in this status will never reach the milestone: rejected (before it), cancelled or withdrawn. */
    public boolean unreachableFrom(ItemStatus status) {
        return !reachedBy(status) && (status == ItemStatus.REJECTED || status == ItemStatus.CANCELLED
                || status == ItemStatus.WITHDRAWING || status == ItemStatus.WITHDRAWN);
    }

    /** As the mapping writes it: {@code delivered}, {@code accepted}, {@code done}. */
    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Milestone parse(String value) {
        return Arrays.stream(values()).filter(m -> m.yamlName().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a milestone; expected one of "
                        + Arrays.stream(values()).map(Milestone::yamlName).toList()));
    }
}
