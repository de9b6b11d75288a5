package gov.onceonly.hub.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** What {@code GET /api/v1/bundles} and {@code GET /api/v1/bundles/{id}} show, built from a compiled bundle. */
public final class BundleViews {

    private final ConnectorCatalog connectors;

    public BundleViews(ConnectorCatalog connectors) {
        this.connectors = connectors;
    }

    /** The catalogue facts of the 2023 list, as every view shows them. */
    public record Facts(String id, String name, String type, String stage, String leadDepartment,
                        List<String> coLeadDepartments, String batch, int sequence, String completionMonth, String subjectKey,
                        WorkingGroup workingGroup) {
    }

    public record Summary(@JsonUnwrapped Facts facts, int items, List<String> departments, BundleFigures figures,
                          Map<String, String> links) {
    }

    public record Detail(@JsonUnwrapped Facts facts, List<BundleItem> items, List<String> exemptMaterials, Map<String, Object> formSchema,
                         BundleFigures figures, List<Fetch> fetchPlan, Map<String, String> links) {
    }

    /** An item with its target system and its data-demand list. */
    public record BundleItem(String id, String name, String department, String target, String targetSystem,
                       String targetDepartment, String deliveryMethod, List<String> exemptMaterials, List<Demand> demands) {
    }

    /** One demanded field and its origin: a department's system and dataset, or the applicant's form. */
    public record Demand(String field, String title, boolean required, String origin, String sourceField, String system,
                         String datasetTitle, String responsibleDepartment, String sharingMethod) {
    }

    /** One entry of the fetch plan: each (source, dataset) is asked once per application. */
    public record Fetch(String source, String dataset, String system, String department, List<String> fields,
                        List<String> items) {
    }

    public Summary summary(CompiledBundle bundle) {
        List<DemandLine> lines = DemandLine.of(bundle, connectors);
        return new Summary(facts(bundle), bundle.items().size(), departments(bundle), BundleFigures.of(bundle, lines),
                links(bundle));
    }

    public Detail detail(CompiledBundle bundle) {
        List<DemandLine> lines = DemandLine.of(bundle, connectors);
        List<BundleItem> items = bundle.items().stream().map(item -> item(item, lines)).toList();
        List<Fetch> plan = bundle.fetchPlan().stream().map(f -> {
            ConnectorDefinition source = connectors.get(f.connector());
            return new Fetch(f.connector(), f.dataset(), source.system(), source.department(),
                    f.fields().stream().sorted().toList(), f.items().stream().sorted().toList());
        }).toList();
        return new Detail(facts(bundle), items, exemptMaterials(bundle), FormSchema.of(bundle),
                BundleFigures.of(bundle, lines), plan, links(bundle));
    }

    /** The lead, the co-leads, then every department that owns an item, each once. */
    public static List<String> departments(CompiledBundle bundle) {
        LinkedHashSet<String> departments = new LinkedHashSet<>();
        departments.add(bundle.definition().leadDepartment());
        departments.addAll(bundle.definition().coLeadDepartments());
        bundle.items().forEach(item -> departments.add(item.department()));
        return List.copyOf(departments);
    }

    /** Every material the applicant no longer hands in, over all items, each once. */
    public static List<String> exemptMaterials(CompiledBundle bundle) {
        LinkedHashSet<String> materials = new LinkedHashSet<>();
        bundle.items().forEach(item -> materials.addAll(item.exemptMaterials()));
        return List.copyOf(materials);
    }

    private BundleItem item(CompiledItem item, List<DemandLine> lines) {
        ConnectorDefinition target = connectors.get(item.target());
        List<Demand> demands = lines.stream().filter(l -> l.item().equals(item.id()))
                .map(l -> new Demand(l.field(), l.fieldTitle(), l.required(), l.origin(), l.sourceField(), l.system(),
                        l.datasetTitle(), l.responsibleDepartment(), l.sharingMethod()))
                .toList();
        return new BundleItem(item.id(), item.name(), item.department(), item.target(), target.system(), target.department(),
                DemandLine.sharingMethod(target), item.exemptMaterials(), demands);
    }

    private static Facts facts(CompiledBundle bundle) {
        BundleDefinition d = bundle.definition();
        return new Facts(d.id(), d.name(), d.type().yamlName(), d.stage(), d.leadDepartment(), d.coLeadDepartments(),
                d.batch(), d.sequence(), d.completionMonth(), bundle.subjectKey().yamlName(), d.workingGroup());
    }

    private static Map<String, String> links(CompiledBundle bundle) {
        String self = "/api/v1/bundles/" + bundle.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("formSchema", self + "/form-schema");
        links.put("model", self + "/model");
        links.put("modelSvg", self + "/model?format=svg");
        links.put("modelPage", self + "/model?format=html");
        links.put("demandsCsv", self + "/demands.csv");
        return links;
    }
}
