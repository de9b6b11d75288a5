package gov.onceonly.hub.catalog;

import gov.onceonly.hub.catalog.CompiledBundle.CompiledDemand;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.DatasetDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a bundle's data-demand list (数据需求清单): a field an item needs, and where it comes from — the
 * system, dataset and responsible department, and how it is shared — or the applicant's form. The catalogue API,
 * the CSV and the diagrams all read these rows, so they cannot disagree.
 */
public record DemandLine(String item, String itemName, String itemDepartment, String field, String fieldTitle,
                         boolean required, String origin, String sourceField, String system, String dataset,
                         String datasetTitle, String responsibleDepartment, String sharingMethod) {

    public static final String APPLICANT = "申请人";
    public static final String FORM_METHOD = "申请人填报";
    /** How an earlier item's output reaches a later one: with its department's DONE report. */
    public static final String OUTPUT_METHOD = "办结结果（业务协同）";

    public boolean fromForm() {
        return "form".equals(origin);
    }

    /** An earlier item's output, reported with its department's decision. */
    public boolean fromOutput() {
        return origin.startsWith("item:");
    }

    public static List<DemandLine> of(CompiledBundle bundle, ConnectorCatalog connectors) {
        List<DemandLine> lines = new ArrayList<>();
        for (CompiledItem item : bundle.items()) {
            for (CompiledDemand demand : item.demands()) {
                lines.add(line(bundle, item, demand, connectors));
            }
        }
        return List.copyOf(lines);
    }

    private static DemandLine line(CompiledBundle bundle, CompiledItem item, CompiledDemand demand, ConnectorCatalog connectors) {
        if (demand.origin() instanceof Origin.FormInput input) {
            FormField field = bundle.definition().form().get(input.field());
            return new DemandLine(item.id(), item.name(), item.department(), demand.name(), field.title(), demand.required(),
                    "form", "form." + input.field(), "申请表", "form", "申请人填写的表单", APPLICANT, FORM_METHOD);
        }
        if (demand.origin() instanceof Origin.ItemOutput output) {
            CompiledItem producer = bundle.item(output.item()).orElseThrow();
            ItemDefinition.Output declared = producer.outputs().get(output.output());
            String title = declared == null || declared.title() == null ? output.output() : declared.title();
            return new DemandLine(item.id(), item.name(), item.department(), demand.name(), title, demand.required(),
                    output.label(), "output." + output.item() + "." + output.output(),
                    connectors.get(producer.target()).system(), output.label(), producer.name() + "（办结结果）",
                    producer.department(), OUTPUT_METHOD);
        }
        Origin.DatasetField f = (Origin.DatasetField) demand.origin();
        ConnectorDefinition connector = connectors.get(f.connector());
        DatasetDefinition dataset = connector.datasets().get(f.dataset());
        return new DemandLine(item.id(), item.name(), item.department(), demand.name(), dataset.fields().get(f.field()),
                demand.required(), f.label(), f.dataset() + "." + f.field(), connector.system(), f.label(),
                dataset.title(), connector.department(), sharingMethod(connector));
    }

    /** How a department shares a dataset, in the words of a data-sharing agreement. */
    public static String sharingMethod(ConnectorDefinition connector) {
        return switch (connector.kind()) {
            case HTTP -> "接口调用（HTTP）";
            case JDBC -> "库表交换（JDBC）";
            case KAFKA -> "消息订阅（Kafka）";
            case ROUTE -> "定制路由（" + connector.route().template() + "）";
        };
    }
}
