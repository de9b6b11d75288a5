package gov.onceonly.hub.progress;

import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /api/v1/applications/{id}/items/{item}/status}: a department reports its item's progress.
 * Applied, repeated and stale reports all answer 200 with the item's current state; a refused one is a problem
 * (422 invalid, 404 unknown, 409 not delivered or contradicting the decision) and changes nothing.
 */
@RestController
public class StatusCallbackController {

    private final StatusReports reports;

    public StatusCallbackController(StatusReports reports) {
        this.reports = reports;
    }

    /** Only a department system reports, and only on its own department's items. */
    @Operation(summary = "Report an item's state (a department's approval system)")
    @PostMapping(path = "/api/v1/applications/{id}/items/{item}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ItemState report(@PathVariable UUID id, @PathVariable String item, @RequestBody StatusReport report,
                            @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false) RegisteredClient caller,
                            HttpServletRequest http) throws IOException {
        // A department system (config/SecurityConfiguration), which ClientRegistry never leaves without its department.
        RegisteredClient department = CallerProblems.require(caller);
        // The signature check kept the body and verified the key: the evidence is of these bytes, from this client.
        return reports.apply(StatusReportValidator.validatePosted(report, id, item, Instant.now()),
                department.department(), department.key(), http.getInputStream().readAllBytes());
    }
}
