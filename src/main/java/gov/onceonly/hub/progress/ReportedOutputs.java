package gov.onceonly.hub.progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the outputs of a DONE report against what the item's mapping declares: a declared output whose value
 * matches its pattern is kept; any other is refused with the reason, and the report still stands (the decision is
 * a fact). The items that take a refused output then go without it, as without a missing source field. A declared
 * {@code certificateNo} output is taken from the report's certificate number when the outputs do not give it.
 */
final class ReportedOutputs {

    static final String CERTIFICATE_NO = "certificateNo";

    /** The outputs kept, and those refused with why. */
    record Checked(Map<String, Object> kept, Map<String, String> refused) {
    }

    private ReportedOutputs() {
    }

    /** @param declared the item's outputs by name, each with its pattern ("" for any text) */
    static Checked check(Map<String, String> declared, Map<String, Object> reported, String certificateNo) {
        Map<String, Object> all = new LinkedHashMap<>(reported);
        if (certificateNo != null && declared.containsKey(CERTIFICATE_NO)) {
            all.putIfAbsent(CERTIFICATE_NO, certificateNo);
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            String pattern = declared.get(name);
            if (pattern == null) {
                refused.put(name, "is not an output this item declares"
                        + (declared.isEmpty() ? "; it declares none" : "; it declares " + declared.keySet()));
            } else if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(String.valueOf(value)).matches()) {
                refused.put(name, "does not match " + pattern);
            } else {
                kept.put(name, value);
            }
        });
        return new Checked(kept, refused);
    }
}
