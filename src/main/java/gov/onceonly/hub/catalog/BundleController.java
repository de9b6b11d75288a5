package gov.onceonly.hub.catalog;

import gov.onceonly.hub.connector.ConnectorCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The catalogue: {@code GET /api/v1/bundles} (filterable by type, stage, department and batch), one bundle with its
 * items, data-demand lists, exempt materials, form schema and figures, and its "一事一套图": the data-sharing model
 * (Mermaid, SVG or an HTML page) and the data-demand list as CSV. Everything is generated from the mappings.
 */
@RestController
@RequestMapping("/api/v1/bundles")
public class BundleController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final BundleCatalog bundles;
    private final ConnectorCatalog connectors;
    private final BundleViews views;

    public BundleController(BundleCatalog bundles, ConnectorCatalog connectors) {
        this.bundles = bundles;
        this.connectors = connectors;
        this.views = new BundleViews(connectors);
    }

    @Operation(summary = "List the bundles (life events) in the catalogue")
    @GetMapping
    public List<BundleViews.Summary> list(@RequestParam(required = false)
            @Parameter(schema = @Schema(allowableValues = {"personal", "enterprise"})) String type,
                                          @RequestParam(required = false) String stage,
                                          @RequestParam(required = false) String department,
                                          @RequestParam(required = false)
            @Parameter(schema = @Schema(allowableValues = {"优化提升", "加快实施"})) String batch) {
        BundleFilter filter = BundleFilter.of(type, stage, department, batch);
        return bundles.all().stream().filter(filter::matches)
                .sorted(Comparator.comparing((CompiledBundle b) -> BundleCompiler.BATCHES.indexOf(b.definition().batch()))
                        .thenComparing(b -> b.definition().sequence()))
                .map(views::summary).toList();
    }

    @Operation(summary = "Show one bundle: its items, departments and what each item needs")
    @GetMapping("/{id}")
    public BundleViews.Detail detail(@PathVariable String id) {
        return views.detail(bundle(id));
    }

    @Operation(summary = "The JSON Schema of a bundle's application form")
    @GetMapping(path = "/{id}/form-schema", produces = "application/schema+json")
    public Map<String, Object> formSchema(@PathVariable String id) {
        return FormSchema.of(bundle(id));
    }

    /**
     * The data-sharing model. {@code format} is mermaid, svg or html; without it the Accept header decides (a browser
     * gets the page, an SVG client the picture) and anything else gets the Mermaid text. {@code collaboration} is the
     * business-collaboration model instead: the items, their order, conditions and steps, the outputs passed between
     * them and the parties whose data they use, as Mermaid text; the html page shows both models.
     */
    @Operation(summary = "A bundle's business model: items, dependencies and data flows")
    @GetMapping("/{id}/model")
    public ResponseEntity<String> model(@PathVariable String id, @RequestParam(required = false)
            @Parameter(schema = @Schema(allowableValues = {"mermaid", "svg", "html", "collaboration"})) String format,
                                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CompiledBundle bundle = bundle(id);
        BundleModel model = BundleModel.of(bundle, connectors);
        String chosen = format != null ? format
                : accept != null && accept.contains("text/html") ? "html"
                : accept != null && accept.contains("image/svg+xml") ? "svg" : "mermaid";
        return switch (chosen) {
            case "mermaid" -> ResponseEntity.ok().contentType(TEXT).body(BundleModelDiagram.mermaid(model));
            case "svg" -> ResponseEntity.ok().contentType(SVG).body(SvgDiagram.svg(model));
            case "html" -> ResponseEntity.ok().contentType(HTML).body(ModelPage.html(views.summary(bundle), model,
                    bundle, connectors));
            case "collaboration" -> ResponseEntity.ok().contentType(TEXT).body(CollaborationDiagram.mermaid(bundle, connectors));
            default -> throw new InvalidFilterException("format", "one-of", "must be mermaid, svg, html or collaboration");
        };
    }

    @Operation(summary = "A bundle's data-demand lists as CSV")
    @GetMapping("/{id}/demands.csv")
    public ResponseEntity<byte[]> demands(@PathVariable String id) {
        CompiledBundle bundle = bundle(id);
        String file = bundle.id() + "-数据需求清单.csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
                .body(DemandsCsv.of(DemandLine.of(bundle, connectors)));
    }

    private CompiledBundle bundle(String id) {
        return bundles.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no bundle '" + id + "'"));
    }
}
