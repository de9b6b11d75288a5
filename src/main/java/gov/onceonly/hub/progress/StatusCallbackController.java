package gov.onceonly.hub.progress;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @PostMapping(path = "/api/v1/applications/{id}/items/{item}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ItemState report(@PathVariable UUID id, @PathVariable String item, @RequestBody StatusReport report,
                            HttpServletRequest http) throws IOException {
        // The signature check kept the body and verified X-Hub-Key: the evidence is of these bytes, from this client.
        return reports.apply(StatusReportValidator.validatePosted(report, id, item, Instant.now()),
                http.getHeader("X-Hub-Key"), http.getInputStream().readAllBytes());
    }
}
