package gov.onceonly.hub.catalog;

/**
 * The "一事一套图" page of a bundle: its facts and figures, the data-sharing model drawn as SVG by the hub, and the
 * Mermaid text it was drawn from. Self-contained: no script, no stylesheet from elsewhere, so it works offline.
 */
public final class ModelPage {

    private ModelPage() {
    }

    public static String html(BundleViews.Summary summary, BundleModel model) {
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
                <h2>数据共享模型</h2>
                <p>来源系统 → 数据集 → 字段 → 事项 → 受理系统。橙色为申请人填写的表单。</p>
                <div class="diagram">
                %14$s</div>
                <p><a href="demands.csv">数据需求清单（CSV）</a> · <a href="model?format=svg">SVG</a> · <a href="model?format=mermaid">Mermaid</a> · <a href="../%15$s">JSON</a></p>
                <h2>Mermaid</h2>
                <pre>%16$s</pre>
                </body>
                </html>
                """.formatted(SvgDiagram.xml(f.name()), f.batch(), f.sequence(), "personal".equals(f.type()) ? "个人" : "企业",
                SvgDiagram.xml(f.stage()), SvgDiagram.xml(f.leadDepartment()), SvgDiagram.xml(coLeads), f.completionMonth(),
                summary.items(), n.fieldsDemanded(), n.fieldsFilledByHub(), n.filledByHubPercent(), n.fieldsFilledByApplicant(),
                SvgDiagram.svg(model), f.id(), SvgDiagram.xml(BundleModelDiagram.mermaid(model)));
    }
}
