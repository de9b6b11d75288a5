package gov.onceonly.hub.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** "一事一套图": the model graph of each bundle and its Mermaid, SVG and HTML renderings, generated from the mapping. */
class BundleModelDiagramTest {

    static List<String> bundles() {
        return RealCatalogue.bundleIds();
    }

    @Test
    void theNewbornModelRunsFromSourcesThroughFieldsToTargets() {
        BundleModel model = BundleModel.of(RealCatalogue.bundle("newborn"), RealCatalogue.CONNECTORS);
        assertThat(model.layers().get(0)).extracting(BundleModel.Node::label)
                .containsExactly("出生医学证明管理系统", "人口信息管理系统", "卫生健康政务服务审批系统", "户籍业务前置库",
                        "医疗保障信息平台", "申请人");
        // the decisions later items take outputs from are sources too: 市卫生健康委's and 市公安局's systems
        assertThat(model.layers().get(1)).extracting(BundleModel.Node::detail).containsExactly(
                "weijian-birth-records/birth", "gongan-population/person", "item:birth-certificate",
                "item:household-registration", "ybj-insured-persons/insured", "form");
        assertThat(model.layers().get(3)).extracting(BundleModel.Node::label).containsExactly(
                "出生医学证明", "户口登记（出生登记）", "城乡居民基本医疗保险参保登记", "社会保障卡申领", "预防接种证办理");
        assertThat(model.layers().get(4)).extracting(BundleModel.Node::id).containsExactly(
                "T_weijian_approval", "T_gongan_household_exchange", "T_ybj_enrolment", "T_rlsb_card_approval");
        // fields are grouped under their dataset, and the form's five fields come last
        assertThat(model.layers().get(2)).hasSize(23 + 5); // the two outputs taken count as fields
        assertThat(model.layers().get(2).subList(23, 28)).allMatch(BundleModel.Node::form);
        assertThat(model.edges()).contains(new BundleModel.Edge("S_gongan_population", "D_gongan_population_person", false),
                new BundleModel.Edge("D_gongan_population_person", "F_gongan_population_person_person_name", false),
                new BundleModel.Edge("F_gongan_population_person_person_name", "I_household_registration", false),
                new BundleModel.Edge("I_household_registration", "T_gongan_household_exchange", false),
                new BundleModel.Edge("F_form_form_babyName", "I_birth_certificate", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void mermaidDeclaresEveryNodeOnceAndEveryEdgeBetweenDeclaredNodes(String id) {
        BundleModel model = BundleModel.of(RealCatalogue.bundle(id), RealCatalogue.CONNECTORS);
        String mermaid = BundleModelDiagram.mermaid(model);
        assertThat(mermaid).startsWith("%% 一事一套图：").contains("\nflowchart LR\n");
        List<String> declared = Pattern.compile("(?m)^    ([A-Za-z0-9_]+)\\[\"").matcher(mermaid).results()
                .map(m -> m.group(1)).toList();
        assertThat(declared).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(model.layers().stream().flatMap(List::stream).map(BundleModel.Node::id).toList());
        Matcher edges = Pattern.compile("(?m)^  ([A-Za-z0-9_]+) -\\.?-?-?> ?([A-Za-z0-9_]+)$").matcher(mermaid);
        long count = 0;
        while (edges.find()) {
            assertThat(declared).contains(edges.group(1), edges.group(2));
            count++;
        }
        assertThat(count).isEqualTo(model.edges().size());
        assertThat(mermaid).contains("subgraph L0[\"数据来源系统\"]", "subgraph L4[\"受理系统\"]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void svgIsWellFormedWithABoxPerNodeAndACurvePerEdge(String id) throws Exception {
        BundleModel model = BundleModel.of(RealCatalogue.bundle(id), RealCatalogue.CONNECTORS);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(SvgDiagram.svg(model).getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("rect").getLength())
                .isEqualTo(model.layers().stream().mapToInt(List::size).sum());
        assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(model.edges().size());
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            assertThat(groups.item(i).getAttributes().getNamedItem("id").getNodeValue()).matches("[STIFD]_[A-Za-z0-9_]+");
        }
    }

    @Test
    void thePageEmbedsTheSvgAndTheMermaidTextAndLoadsNothing() {
        CompiledBundle bundle = RealCatalogue.bundle("mortgaged-property-transfer");
        BundleModel model = BundleModel.of(bundle, RealCatalogue.CONNECTORS);
        String html = ModelPage.html(new BundleViews(RealCatalogue.CONNECTORS).summary(bundle), model, bundle,
                RealCatalogue.CONNECTORS);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("不动产双预告“带押过户” 一件事").contains("市规划自然资源局（配合：市住房城乡建委、重庆银保监局）")
                .contains("flowchart LR").contains("&lt;br/&gt;").contains("href=\"demands.csv\"")
                .doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://");
        assertThat(html).as("the collaboration model, and the lead's 专班")
                .contains("<h2>业务协同模型</h2>", "flowchart TD", "<h2>工作专班</h2>", "不动产双预告带押过户一件事专班")
                .doesNotContain("未在映射中登记专班联系方式");
    }

    @Test
    void longLabelsAreShortenedButKeptWholeInTheTooltip() {
        String title = "公众聚集场所投入使用营业前消防安全检查合格证";
        BundleModel model = new BundleModel("x", "x", List.of(List.of(new BundleModel.Node("D_x", title + title, "detail", false)),
                List.of(), List.of(), List.of(), List.of()), List.of());
        String svg = SvgDiagram.svg(model);
        assertThat(svg).contains("<title>" + title + title + " — detail</title>").contains("…</text>");
        assertThat(SvgDiagram.textWidth("营业执照", 10)).isEqualTo(40);
        assertThat(SvgDiagram.textWidth("ab", 10)).isEqualTo(12);
    }
}
