package gov.onceonly.hub.dryrun;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;

/**
 * {@code POST /api/v1/ops/mappings/{bundle}/dry-run?last=N} with a candidate mapping (the YAML text) as the body:
 * what the last N applications' items would have carried under it. Nothing is pushed.
 */
@RestController
public class MappingDryRunController {

    private final MappingDryRun dryRun;

    public MappingDryRunController(MappingDryRun dryRun) {
        this.dryRun = dryRun;
    }

    @Operation(summary = "Try a candidate mapping file against recent applications")
    @PostMapping(path = "/api/v1/ops/mappings/{bundle}/dry-run",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    public MappingDryRun.Report dryRun(@PathVariable String bundle, @RequestParam(defaultValue = "20")
            @Parameter(schema = @Schema(minimum = "1", maximum = "500")) int last,
                                       @RequestBody String candidate) {
        if (last < 1 || last > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "last must be between 1 and 500");
        }
        return dryRun.run(bundle, candidate, last).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no bundle '" + bundle + "' is served"));
    }

    /** 422 with every finding as {@code file:line:column: severity: message}, as the lint prints it. */
    @ExceptionHandler(MappingDryRun.InvalidCandidateException.class)
    ResponseEntity<ProblemDetail> invalid(MappingDryRun.InvalidCandidateException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        body.setType(URI.create("urn:onceonly:problem:invalid-mapping"));
        body.setTitle("The candidate mapping is not valid");
        body.setProperty("problems", e.findings().stream().map(Object::toString).toList());
        return ResponseEntity.unprocessableEntity().body(body);
    }
}
