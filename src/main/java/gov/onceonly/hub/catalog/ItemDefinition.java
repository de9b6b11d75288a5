package gov.onceonly.hub.catalog;

import gov.onceonly.hub.application.Milestone;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * One single procedure ("单项事") of a bundle, owned by one department and decided by its target system. It may wait
 * for other items of the bundle ({@code waitsFor}: item id and how far that item must have gone), and then goes out
 * only once they are that far; it may apply only when a condition holds ({@code when}); and its department's DONE report
 * may carry outputs ({@code outputs}: a credit code, a certificate number) that later items take. {@code inPerson} names
 * the step the applicant still takes in person (collecting the seals), if any; otherwise the item is done online.
 * {@code timeLimit} is the department's promised time limit (承诺时限) in working days from its acceptance (受理);
 * without it the hub's default applies ({@code hub.supervision.default-time-limit}, docs/supervision.md).
 */
public record ItemDefinition(
        String id,
        String name,
        String department,
        String target,
        List<String> exemptMaterials,
        LinkedHashMap<String, Demand> demands,
        LinkedHashMap<String, Milestone> waitsFor,
        ItemCondition when,
        LinkedHashMap<String, Output> outputs,
        String inPerson,
        Archive archive,
        Integer timeLimit) {

    public ItemDefinition {
        exemptMaterials = exemptMaterials == null ? List.of() : List.copyOf(exemptMaterials);
        demands = demands == null ? new LinkedHashMap<>() : demands;
        waitsFor = waitsFor == null ? new LinkedHashMap<>() : waitsFor;
        outputs = outputs == null ? new LinkedHashMap<>() : outputs;
    }

    /**
     * Where the certificate the item is decided with goes (归集): the e-certificate library's dataset that keeps it
     * ({@code <connector>/<dataset>}, where a later application finds it) and the library's intake target.
     */
    public record Archive(String certificate, String target) {
    }

    /**
     * A field the item's department reports with its DONE decision: what it is, and the pattern a well-formed value
     * matches (none: any text). A value that does not match is refused, and the items that take it go without it.
     */
    public record Output(String title, String pattern) {
    }

    /**
     * One entry of the data-demand list: where the value comes from, and whether the item needs it. Where several
     * sources hold the field, {@code fallback} lists the others in order of precedence and {@code prefer} says how
     * to choose ({@code order}, {@code freshest}), or {@code own}: this item wants its own source's value even if
     * another item takes a field of the same name from elsewhere. {@code party} names whose dataset it is, when it is
     * not the applicant's (a party of the bundle: the deceased, the spouse).
     */
    public record Demand(String from, Boolean required, List<String> fallback, Preference prefer, String party) {

        public Demand {
            required = required == null || required;
            fallback = fallback == null ? List.of() : List.copyOf(fallback);
        }

        public Demand(String from, Boolean required) {
            this(from, required, null, null, null);
        }

        /** Whether the mapping says how this field's sources rank. */
        public boolean statesPrecedence() {
            return prefer != null || !fallback.isEmpty();
        }
    }

    /** How a demand chooses between its sources. */
    public enum Preference {
        ORDER, FRESHEST, OWN;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Preference parse(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
