package gov.onceonly.hub.catalog;

/**
 * The "一事一套图" page of a bundle: its facts and figures, the lead department's working group (专班), the data-sharing
 * model drawn as SVG by the hub, the business-collaboration model as a table (order, outputs passed on, conditions,
 * parties, online or in-person steps), and the Mermaid text of both. Self-contained: no script, no stylesheet from
 * elsewhere, so it works offline.
 */
public final class ModelPage {

    private ModelPage() {
    }

    public static String html(BundleViews.Summary summary, BundleModel model, CompiledBundle bundle,
                              gov.onceonly.hub.connector.ConnectorCatalog connectors) {
        BundleViews.Facts f = summary.facts();
        BundleFigures n = summary.figures();
        String coLeads = f.coLeadDepartments().isEmpty() ? "" : "（配合：" + String.join("、", f.coLeadDepartments()) + "）";
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>%1$s 一事一套图</title>
                <style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#202124}
                table{border-collapse:collapse}td,th{border:1px solid #dadce0;padding:4px 10px;text-align:left}
                .diagram{overflow-x:auto;border:1px solid #dadce0;padding:8px}pre{background:#f8f9fa;padding:12px;overflow-x:auto}</style>
                </head>
                <body>
                <h1>%1$s 一件事</h1>
                <table>
                <tr><th>批次</th><td>%2$s 第 %3$d 项</td><th>类型</th><td>%4$s</td><th>阶段</th><td>%5$s</td></tr>
                <tr><th>牵头部门</th><td colspan="3">%6$s%7$s</td><th>完成时间</th><td>%8$s</td></tr>
                <tr><th>事项</th><td>%9$d</td><th>需求字段</th><td>%10$d</td><th>中枢填写</th><td>%11$d（%12$d%%），申请人填写 %13$d</td></tr>
                </table>
                <h2>工作专班</h2>
                %17$s
                <h2>数据共享模型</h2>
                <p>来源系统 → 数据集 → 字段 → 事项 → 受理系统。橙色为申请人填写的表单。</p>
                <div class="diagram">
                %14$s</div>
                <p><a href="demands.csv">数据需求清单（CSV）</a> · <a href="model?format=svg">SVG</a> · <a href="model?format=mermaid">Mermaid</a> · <a href="../%15$s">JSON</a></p>
                <h2>业务协同模型</h2>
                %18$s
                <h2>Mermaid</h2>
                <pre>%16$s</pre>
                <pre>%19$s</pre>
                </body>
                </html>
                """.formatted(SvgDiagram.xml(f.name()), f.batch(), f.sequence(), "personal".equals(f.type()) ? "个人" : "企业",
                SvgDiagram.xml(f.stage()), SvgDiagram.xml(f.leadDepartment()), SvgDiagram.xml(coLeads), f.completionMonth(),
                summary.items(), n.fieldsDemanded(), n.fieldsFilledByHub(), n.filledByHubPercent(), n.fieldsFilledByApplicant(),
                SvgDiagram.svg(model), f.id(), SvgDiagram.xml(BundleModelDiagram.mermaid(model)), workingGroup(f),
                collaboration(bundle, connectors), SvgDiagram.xml(CollaborationDiagram.mermaid(bundle, connectors)));
    }

    private static String workingGroup(BundleViews.Facts f) {
        WorkingGroup group = f.workingGroup();
        if (group == null) {
            return "<p>" + SvgDiagram.xml(f.leadDepartment()) + " 未在映射中登记专班联系方式（mappings/" + f.id()
                    + ".yaml 的 workingGroup）。</p>";
        }
        return "<table><tr><th>专班</th><td>" + SvgDiagram.xml(group.name()) + "</td><th>所在部门</th><td>"
                + SvgDiagram.xml(group.department()) + "</td></tr><tr><th>电话</th><td>" + SvgDiagram.xml(group.phone())
                + "</td><th>地址</th><td>" + SvgDiagram.xml(group.address() == null ? "" : group.address()) + "</td></tr></table>";
    }

    /** One row per item: who does it, what it waits for and takes, when it applies, whose data, and how. */
    private static String collaboration(CompiledBundle bundle, gov.onceonly.hub.connector.ConnectorCatalog connectors) {
        StringBuilder rows = new StringBuilder("<table><tr><th>事项</th><th>部门</th><th>等待</th><th>承接结果</th>"
                + "<th>适用条件</th><th>涉及他人数据</th><th>办理方式</th></tr>\n");
        for (CompiledBundle.CompiledItem item : bundle.items()) {
            String waits = item.waitsFor().entrySet().stream().map(w -> w.getKey() + "（" + w.getValue().yamlName() + "）")
                    .collect(java.util.stream.Collectors.joining("、"));
            String taken = item.waitsFor().keySet().stream().flatMap(p -> CollaborationDiagram.taken(item, p).stream()
                    .map(o -> p + "." + o)).collect(java.util.stream.Collectors.joining("、"));
            String parties = CollaborationDiagram.partiesOf(item).stream().map(p -> bundle.definition().parties().get(p).title())
                    .collect(java.util.stream.Collectors.joining("、"));
            rows.append("<tr><td>").append(SvgDiagram.xml(item.name() == null ? item.id() : item.name())).append("</td><td>")
                    .append(SvgDiagram.xml(item.department())).append("</td><td>").append(SvgDiagram.xml(waits))
                    .append("</td><td>").append(SvgDiagram.xml(taken)).append("</td><td>")
                    .append(item.condition() == null ? "" : SvgDiagram.xml(item.condition().rule().describe()))
                    .append("</td><td>").append(SvgDiagram.xml(parties)).append("</td><td>")
                    .append(SvgDiagram.xml(CollaborationDiagram.step(item, connectors))).append("</td></tr>\n");
        }
        return rows.append("</table>").toString();
    }
}
