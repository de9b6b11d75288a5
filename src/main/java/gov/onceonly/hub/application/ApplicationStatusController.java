package gov.onceonly.hub.application;

import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * {@code GET /api/v1/applications/{id}}: where an application stands, item by item and field by field, for the
 * channel that submitted it, or for a department, its own items ({@link ApplicationAccess}).
 */
@RestController
public class ApplicationStatusController {

    private final ApplicationAccess access;

    public ApplicationStatusController(ApplicationAccess access) {
        this.access = access;
    }

    @Operation(summary = "An application's status, item by item")
    @GetMapping("/api/v1/applications/{id}")
    public ApplicationView status(@PathVariable UUID id,
                                  @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                  RegisteredClient caller) {
        return access.view(caller, id);
    }
}
