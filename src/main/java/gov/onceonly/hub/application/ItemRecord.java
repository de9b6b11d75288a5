package gov.onceonly.hub.application;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One item's record, built from its data-demand list only: the values, where each came from, and the
 * required fields that nothing provided; the items it waits for (none: it goes out at once); for an item whose
 * condition does not hold, why it does not apply (then it has no values: nothing is sent); the outputs its department
 * may report when done (name and pattern, "" for any text); whether it takes an earlier item's output, which
 * is added to the record when the item is released; and where its certificate goes when it is done ({@code archive}:
 * {@code certificate}, the library's dataset, and {@code target}, its intake; empty: nowhere).
 */
public record ItemRecord(String itemId, String department, String target, Map<String, Object> values,
                         Map<String, FieldOrigin> provenance, List<String> missing, Map<String, Milestone> waitsFor,
                         String notApplicableBecause, Map<String, String> declaredOutputs, boolean takesOutputs,
                         Map<String, String> archive) {

    public ItemRecord {
        waitsFor = waitsFor == null ? Map.of() : waitsFor;
        declaredOutputs = declaredOutputs == null ? Map.of() : declaredOutputs;
        archive = archive == null ? Map.of() : archive;
    }

    /** The record of an item that does not apply to the application. */
    public static ItemRecord notApplicable(String itemId, String department, String target, String because) {
        return new ItemRecord(itemId, department, target, Map.of(), Map.of(), List.of(), Map.of(), because, Map.of(),
                false, Map.of());
    }

    /**
     * The provenance of one field: {@code <connector>/<dataset>} and the time of the answer, {@code form},
     * {@code materials} (supplied by the applicant after the fact because no source had it), or {@code item:<id>}:
     * an output of that item, reported by its department ({@code reportedBy}) at {@code at}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldOrigin(String origin, Instant at, String reportedBy) {

        public static final String FORM = "form";
        public static final String MATERIALS = "materials";

        public FieldOrigin(String origin, Instant at) {
            this(origin, at, null);
        }

        public boolean fromApplicant() {
            return FORM.equals(origin) || MATERIALS.equals(origin);
        }
    }

    /**
     * NOT_APPLICABLE, then NEEDS_MATERIALS (the applicant can act on it at once), then WAITING for its prerequisites; the store
     * releases an item whose prerequisites are met already when it derives the application's status.
     */
    public ItemStatus initialStatus() {
        if (notApplicableBecause != null) {
            return ItemStatus.NOT_APPLICABLE;
        }
        if (!missing.isEmpty()) {
            return ItemStatus.NEEDS_MATERIALS;
        }
        return waitsFor.isEmpty() ? ItemStatus.PENDING : ItemStatus.WAITING;
    }
}
