package gov.onceonly.hub.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When an item applies (the bundle's branches): a form answer or a department's field, compared in one of four ways.
 * An item without one always applies; one whose condition does not hold is NOT_APPLICABLE, with the reason, and
 * never sent.
 *
 * @param field       {@code form.<field>} or {@code <connector>/<dataset>.<field>}, as in a demand's {@code from}
 * @param equals      the value it must have (numbers compare by value, anything else by its text)
 * @param in          the values it may have
 * @param greaterThan the number it must exceed
 * @param present     whether it must have a value ({@code true}) or none ({@code false})
 */
public record ItemCondition(String field, Object equals, List<Object> in, BigDecimal greaterThan, Boolean present) {

    /** Whether the value found (null: none) satisfies the condition. */
    public boolean holds(Object value) {
        if (present != null) {
            return present == !blank(value);
        }
        if (blank(value)) {
            return false;
        }
        if (equals != null) {
            return same(value, equals);
        }
        if (in != null) {
            return in.stream().anyMatch(candidate -> same(value, candidate));
        }
        BigDecimal number = number(value);
        return number != null && number.compareTo(greaterThan) > 0;
    }

    /** The operators given; a valid condition has exactly one. */
    public List<String> operators() {
        List<String> given = new ArrayList<>();
        if (equals != null) given.add("equals");
        if (in != null) given.add("in");
        if (greaterThan != null) given.add("greaterThan");
        if (present != null) given.add("present");
        return given;
    }

    /** As the status view and the form schema say it: {@code form.plannedEmployees greater than 0}. */
    public String describe() {
        if (present != null) {
            return field + (present ? " has a value" : " has no value");
        }
        if (equals != null) {
            return field + " is " + text(equals);
        }
        if (in != null) {
            return field + " is one of " + in.stream().map(ItemCondition::text).toList();
        }
        return field + " is greater than " + greaterThan.toPlainString();
    }

    /** Why an item does not apply, given the value found. */
    public String whyNot(Object value) {
        return "it applies only when " + describe() + (blank(value) ? "; there is no value" : "; it is " + text(value));
    }

    private static boolean same(Object value, Object expected) {
        BigDecimal a = number(value);
        BigDecimal b = number(expected);
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        return String.valueOf(value).equals(String.valueOf(expected));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }

    private static String text(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
