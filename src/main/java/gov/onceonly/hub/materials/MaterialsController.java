package gov.onceonly.hub.materials;

import com.fasterxml.jackson.annotation.JsonProperty;
import gov.onceonly.hub.application.ApplicationAccess;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/applications/{id}/materials}: the applicant supplies the fields the status view lists as
 * missing, by demand name, e.g. {@code {"fields": {"birthTime": "2023-05-01T08:30"}}}; the pipeline resumes.
 */
@RestController
public class MaterialsController {

    /** The request body. */
    public record MaterialsRequest(@JsonProperty(required = true) LinkedHashMap<String, Object> fields) {
    }

    private final SuppliedMaterials materials;
    private final ApplicationAccess access;

    public MaterialsController(SuppliedMaterials materials, ApplicationAccess access) {
        this.materials = materials;
        this.access = access;
    }

    /** Only the channel that submitted the application supplies its materials. */
    @Operation(summary = "Supply materials the departments do not hold")
    @PostMapping("/api/v1/applications/{id}/materials")
    public Map<String, Object> supply(@PathVariable UUID id, @RequestBody MaterialsRequest request,
                                      @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                      RegisteredClient caller) {
        access.requireSubmitter(caller, id);
        try {
            SuppliedMaterials.Outcome outcome = materials.supply(id,
                    request.fields() == null ? Map.of() : request.fields());
            return Map.of("released", outcome.released(), "stillMissing", outcome.stillMissing(),
                    "statusUrl", "/api/v1/applications/" + id);
        } catch (MaterialsNotExpectedException e) {
            ResponseStatusException problem = new ResponseStatusException(
                    e.unknownApplication() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, e.getMessage());
            problem.getBody().setProperty("errors", List.of(e.violation()));
            throw problem;
        }
    }
}
