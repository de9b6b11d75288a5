package gov.onceonly.hub.proposal;

import gov.onceonly.hub.api.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/v1/ops/proposals/rejected-events}: the events that failed a proposal rule's validation, newest
 * first, each with its rule, where it was read and why it made no proposal (the event itself stays sealed). Operators.
 */
@RestController
public class RejectedEventsController {

    static final int MAX_LIMIT = 1000;

    private final ProposalStore store;

    public RejectedEventsController(ProposalStore store) {
        this.store = store;
    }

    /** The answer: the events, newest first. */
    public record RejectedEvents(List<ProposalStore.RejectedEvent> events) {
    }

    @Operation(summary = "Events that made no proposal, with the reason")
    @GetMapping("/api/v1/ops/proposals/rejected-events")
    public RejectedEvents rejected(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        return new RejectedEvents(store.rejectedEvents(limit));
    }
}
