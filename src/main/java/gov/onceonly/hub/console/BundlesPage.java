package gov.onceonly.hub.console;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.BundleCompiler;
import gov.onceonly.hub.catalog.BundleModel;
import gov.onceonly.hub.catalog.BundleViews;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.SvgDiagram;
import gov.onceonly.hub.connector.ConnectorCatalog;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The bundles of the catalogue and each one's 一事一套图 (the data-sharing model the hub lays out as SVG). */
@Hidden
@Controller
public class BundlesPage {

    private final BundleCatalog bundles;
    private final ConnectorCatalog connectors;
    private final BundleViews views;

    public BundlesPage(BundleCatalog bundles, ConnectorCatalog connectors) {
        this.bundles = bundles;
        this.connectors = connectors;
        this.views = new BundleViews(connectors);
    }

    @GetMapping(ConsolePaths.HOME + "/bundles")
    public String list(Model model) {
        List<BundleViews.Summary> summaries = bundles.all().stream()
                .sorted(Comparator.comparing((CompiledBundle b) -> BundleCompiler.BATCHES.indexOf(b.definition().batch()))
                        .thenComparing(b -> b.definition().sequence()))
                .map(views::summary).toList();
        model.addAttribute("bundles", summaries);
        return "console/bundles";
    }

    @GetMapping(ConsolePaths.HOME + "/bundles/{id}")
    public String model(@PathVariable String id, Model model, HttpServletResponse response) {
        Optional<CompiledBundle> bundle = bundles.find(id);
        if (bundle.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("bundles", List.of());
            model.addAttribute("problem", "目录中没有这件事：" + id);
            return "console/bundles";
        }
        model.addAttribute("summary", views.summary(bundle.get()));
        model.addAttribute("detail", views.detail(bundle.get()));
        // SvgDiagram escapes every text it writes: the picture goes into the page as markup.
        model.addAttribute("diagram", SvgDiagram.svg(BundleModel.of(bundle.get(), connectors)));
        return "console/bundle";
    }
}
