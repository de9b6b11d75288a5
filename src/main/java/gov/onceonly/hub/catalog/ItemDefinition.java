package gov.onceonly.hub.catalog;

import java.util.LinkedHashMap;
import java.util.List;

/** One single procedure ("单项事") of a bundle, owned by one department and decided by its target system. */
public record ItemDefinition(
        String id,
        String name,
        String department,
        String target,
        List<String> exemptMaterials,
        LinkedHashMap<String, Demand> demands) {

    public ItemDefinition {
        exemptMaterials = exemptMaterials == null ? List.of() : List.copyOf(exemptMaterials);
        demands = demands == null ? new LinkedHashMap<>() : demands;
    }

    /** One entry of the data-demand list: where the value comes from, and whether the item needs it. */
    public record Demand(String from, Boolean required) {

        public Demand {
            required = required == null || required;
        }
    }
}
