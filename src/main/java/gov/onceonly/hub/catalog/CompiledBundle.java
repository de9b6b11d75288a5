package gov.onceonly.hub.catalog;

import gov.onceonly.hub.application.Milestone;
import gov.onceonly.hub.connector.SubjectKeyKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bundle ready to run: its items with parsed demands and the fetch plan that asks each
 * (source, dataset) once per application. {@code version} identifies the mapping file's content.
 */
public record CompiledBundle(BundleDefinition definition, String version, SubjectKeyKind subjectKey,
                             List<DatasetFetch> fetchPlan, List<CompiledItem> items) {

    public String id() {
        return definition.id();
    }

    public Optional<CompiledItem> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /**
     * One item with its data-demand list resolved, the items it waits for (checked: known, no cycle), the condition
     * under which it applies (null: always) and the outputs its department reports when it is done.
     */
    public record CompiledItem(String id, String name, String department, String target, List<String> exemptMaterials,
                               List<CompiledDemand> demands, Map<String, Milestone> waitsFor, CompiledCondition condition,
                               Map<String, ItemDefinition.Output> outputs, String inPerson,
                               ItemDefinition.Archive archive) {

        public CompiledItem {
            waitsFor = waitsFor == null ? Map.of() : waitsFor;
            outputs = outputs == null ? Map.of() : outputs;
        }

        public CompiledItem(String id, String name, String department, String target, List<String> exemptMaterials,
                            List<CompiledDemand> demands, Map<String, Milestone> waitsFor, CompiledCondition condition,
                            Map<String, ItemDefinition.Output> outputs) {
            this(id, name, department, target, exemptMaterials, demands, waitsFor, condition, outputs, null, null);
        }

        public CompiledItem(String id, String name, String department, String target, List<String> exemptMaterials,
                            List<CompiledDemand> demands) {
            this(id, name, department, target, exemptMaterials, demands, Map.of(), null, Map.of(), null, null);
        }

        /** Whether a demand takes an earlier item's output: then its record is completed when it is released. */
        public boolean takesOutputs() {
            return demands.stream().flatMap(d -> d.candidates().stream()).anyMatch(Origin.ItemOutput.class::isInstance);
        }
    }

    /** An item's condition with its field resolved, like a demand's origin. */
    public record CompiledCondition(Origin origin, ItemCondition rule) {
    }

    /**
     * One demanded field and where its value comes from: {@code origin}, then {@code fallback} in order; with
     * {@code freshest} the most recently recorded of them wins instead.
     */
    public record CompiledDemand(String name, Origin origin, boolean required, List<Origin> fallback, boolean freshest) {

        public CompiledDemand {
            fallback = fallback == null ? List.of() : List.copyOf(fallback);
        }

        public CompiledDemand(String name, Origin origin, boolean required) {
            this(name, origin, required, List.of(), false);
        }

        /** The origin and the fallbacks, in order of precedence. */
        public List<Origin> candidates() {
            List<Origin> all = new java.util.ArrayList<>(fallback.size() + 1);
            all.add(origin);
            all.addAll(fallback);
            return all;
        }
    }
}
