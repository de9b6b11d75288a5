package gov.onceonly.hub.application;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import java.util.UUID;

/** {@code GET /api/v1/applications/{id}}: where an application stands, item by item and field by field. */
@RestController
public class ApplicationStatusController {

    private final ApplicationQueries queries;

    public ApplicationStatusController(ApplicationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/applications/{id}")
    public ApplicationView status(@PathVariable UUID id) {
        return queries.view(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no application " + id));
    }
}
