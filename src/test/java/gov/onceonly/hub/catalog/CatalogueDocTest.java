package gov.onceonly.hub.catalog;

import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/catalogue.md is generated from mappings/ and connectors/, so it cannot drift: this test renders it and fails
 * when the committed file differs. Regenerate with {@value #REGENERATE}.
 */
class CatalogueDocTest {

    static final String REGENERATE = "mvn -q test -Dtest=CatalogueDocTest -Dcatalogue.regenerate=true";
    private static final Path DOC = RealCatalogue.ROOT.resolve("docs/catalogue.md");

    @Test
    void theCommittedCatalogueIsTheGeneratedOne() throws Exception {
        String generated = render(RealCatalogue.BUNDLES, RealCatalogue.CONNECTORS);
        if (Boolean.getBoolean("catalogue.regenerate")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertThat(committed).as("docs/catalogue.md is out of date with mappings/ and connectors/; regenerate it with: "
                + REGENERATE).isEqualTo(generated);
    }

    static String render(BundleCatalog bundles, ConnectorCatalog connectors) {
        BundleViews views = new BundleViews(connectors);
        List<CompiledBundle> ordered = bundles.all().stream()
                .sorted(Comparator.comparing((CompiledBundle b) -> BundleCompiler.BATCHES.indexOf(b.definition().batch()))
                        .thenComparing(b -> b.definition().sequence())).toList();
        int items = ordered.stream().mapToInt(b -> b.items().size()).sum();
        int demanded = 0;
        int byHub = 0;
        StringBuilder rows = new StringBuilder();
        for (CompiledBundle bundle : ordered) {
            BundleDefinition d = bundle.definition();
            BundleFigures f = views.summary(bundle).figures();
            demanded += f.fieldsDemanded();
            byHub += f.fieldsFilledByHub();
            rows.append("| ").append(d.batch()).append(" ").append(d.sequence()).append(" | **").append(d.name())
                    .append("**<br>`").append(d.id()).append("` | ").append(d.type() == BundleType.PERSONAL ? "个人" : "企业")
                    .append(" | ").append(d.stage()).append(" | ").append(d.leadDepartment())
                    .append(d.coLeadDepartments().isEmpty() ? "" : "（配合：" + String.join("、", d.coLeadDepartments()) + "）")
                    .append(" | ").append(d.completionMonth()).append(" | ")
                    .append(bundle.items().stream().map(CompiledBundle.CompiledItem::name).collect(Collectors.joining("；")))
                    .append(" | ").append(String.join("、", itemDepartments(bundle)))
                    .append(" | ").append(f.fieldsFilledByHub()).append("/").append(f.fieldsDemanded()).append("（")
                    .append(f.filledByHubPercent()).append("%）").append(" |\n");
        }
        StringBuilder out = new StringBuilder();
        out.append("# The 2023 catalogue: 50 bundles\n\n");
        out.append("<!-- Generated from mappings/ and connectors/ by CatalogueDocTest; do not edit by hand. Regenerate with:\n     ")
                .append(REGENERATE).append(" -->\n\n");
        out.append("The bundles of the 2023 list (渝府办发〔2023〕43号, 附件), as the hub serves them: ").append(ordered.size())
                .append(" bundles, ").append(items).append(" items, ").append(demanded).append(" demanded fields, of which the hub fills ")
                .append(byHub).append(" (").append(Math.round(100f * byHub / demanded)).append("%) from department data. ")
                .append("\"Filled by the hub\" counts the item fields that come from a department dataset rather than from the ")
                .append("applicant's form. Each bundle's diagrams and data-demand list are at `/api/v1/bundles/{id}/model` and ")
                .append("`/api/v1/bundles/{id}/demands.csv`.\n\n");
        out.append("| Batch | Bundle | Type | Stage | Lead department | Due | Items | Item departments | Filled by the hub |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n").append(rows);
        out.append(order(ordered));
        out.append(corrections(ordered));
        out.append("\n## Department systems\n\n");
        out.append("One connector per department system; a bundle's fetch plan asks each (source, dataset) once.\n\n");
        out.append("| Connector | Department | System | Kind | Role | Bundles |\n|---|---|---|---|---|---|\n");
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            ConnectorDefinition c = entry.definition();
            long used = ordered.stream().filter(b -> b.fetchPlan().stream().anyMatch(p -> p.connector().equals(c.id()))
                    || b.items().stream().anyMatch(i -> i.target().equals(c.id()))).count();
            out.append("| `").append(c.id()).append("` | ").append(c.department()).append(" | ").append(c.system())
                    .append(" | ").append(c.kind().yamlName()).append(" | ").append(c.role().yamlName()).append(" | ")
                    .append(used).append(" |\n");
        }
        return out.toString();
    }

    /** Each bundle's business-collaboration order: what each item waits for, and the outputs it takes. */
    private static String order(List<CompiledBundle> bundles) {
        StringBuilder out = new StringBuilder("\n## Business-collaboration order\n\n");
        out.append("An item waits for the items named, until each is delivered to its department, accepted (受理) or done ")
                .append("(办结), and takes the outputs named from their decisions (`docs/adding-a-bundle.md`). The items of a ")
                .append("bundle not listed here go out together.\n\n");
        for (CompiledBundle bundle : bundles) {
            List<CompiledBundle.CompiledItem> waiting = bundle.items().stream().filter(i -> !i.waitsFor().isEmpty()).toList();
            if (waiting.isEmpty()) {
                continue;
            }
            out.append("**").append(bundle.definition().name()).append("** (`").append(bundle.id()).append("`)\n\n");
            for (CompiledBundle.CompiledItem item : waiting) {
                out.append("- `").append(item.id()).append("` ").append(item.name()).append(" waits for ")
                        .append(item.waitsFor().entrySet().stream().map(w -> "`" + w.getKey() + "` " + w.getValue().yamlName())
                                .collect(Collectors.joining(", ")));
                List<String> taken = item.demands().stream().flatMap(d -> d.candidates().stream())
                        .filter(Origin.ItemOutput.class::isInstance).map(Origin.ItemOutput.class::cast)
                        .map(o -> o.item() + "." + o.output()).distinct().toList();
                if (!taken.isEmpty()) {
                    out.append("; takes ").append(String.join(", ", taken));
                }
                out.append("\n");
            }
            out.append("\n");
        }
        List<String> together = bundles.stream().filter(b -> b.items().stream().allMatch(i -> i.waitsFor().isEmpty()))
                .map(b -> b.definition().name() + " (`" + b.id() + "`)").toList();
        out.append("**Items that go out together** (").append(together.size()).append(" bundles): ")
                .append(String.join("、", together)).append(". Their items are parallel by design (并联审批): licences, ")
                .append("registrations, verifications and benefits that each department decides on the applicant's data ")
                .append("alone; none needs another item's decision or output, so none waits.\n\n");
        return out.toString();
    }

    /** Where the mappings depart from the list as published, each with its reasoning. */
    private static String corrections(List<CompiledBundle> bundles) {
        StringBuilder out = new StringBuilder("## Corrections to the list\n\n");
        out.append("Where a mapping departs from the list as published, or from what an audit of an earlier version found ")
                .append("wrong, and why (each mapping's `corrections`).\n\n");
        for (CompiledBundle bundle : bundles) {
            for (String correction : bundle.definition().corrections()) {
                out.append("- **").append(bundle.definition().name()).append("** (`").append(bundle.id()).append("`): ")
                        .append(correction).append("\n");
            }
        }
        return out.toString();
    }

    private static List<String> itemDepartments(CompiledBundle bundle) {
        return bundle.items().stream().map(CompiledBundle.CompiledItem::department).distinct().toList();
    }
}
