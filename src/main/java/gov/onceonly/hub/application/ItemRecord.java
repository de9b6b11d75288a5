package gov.onceonly.hub.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One item's record, built from its data-demand list only: the values, where each came from, and the
 * required fields that nothing provided.
 */
public record ItemRecord(String itemId, String department, String target, Map<String, Object> values,
                         Map<String, FieldOrigin> provenance, List<String> missing) {

    /**
     * The provenance of one field: {@code <connector>/<dataset>} and the time of the answer, {@code form}, or
     * {@code materials} (supplied by the applicant after the fact because no source had it).
     */
    public record FieldOrigin(String origin, Instant at) {

        public static final String FORM = "form";
        public static final String MATERIALS = "materials";

        public boolean fromApplicant() {
            return FORM.equals(origin) || MATERIALS.equals(origin);
        }
    }

    public ItemStatus initialStatus() {
        return missing.isEmpty() ? ItemStatus.PENDING : ItemStatus.NEEDS_MATERIALS;
    }
}
