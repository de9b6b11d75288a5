package gov.onceonly.hub.ops;

import gov.onceonly.hub.api.InvalidParameterException;
import gov.onceonly.hub.application.PayloadResealer;
import gov.onceonly.hub.pipeline.CollectRetries;
import gov.onceonly.hub.pipeline.ParkedDeliveries;
import gov.onceonly.hub.progress.RejectedStatusReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an operator does when something could not finish by itself: list parked deliveries and replay them, retry an
 * application whose sources stayed down too long, read the status messages the hub refused. Nothing here drops
 * anything.
 */
@RestController
public class OpsController {

    private final ParkedDeliveries parked;
    private final CollectRetries collectRetries;
    private final PayloadResealer resealer;
    private final RejectedStatusReports rejected;

    public OpsController(ParkedDeliveries parked, CollectRetries collectRetries, PayloadResealer resealer,
                         RejectedStatusReports rejected) {
        this.parked = parked;
        this.collectRetries = collectRetries;
        this.resealer = resealer;
        this.rejected = rejected;
    }

    /** The status messages from the topic the hub refused, newest first, their sealed payloads opened. */
    @Operation(summary = "Recent status reports the hub refused")
    @GetMapping("/api/v1/ops/rejected-status-reports")
    public List<RejectedStatusReports.Rejected> rejectedStatusReports(@RequestParam(defaultValue = "20")
            @Parameter(schema = @Schema(minimum = "1", maximum = "500")) int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidParameterException("limit", "range", "must be between 1 and 500");
        }
        return rejected.latest(limit);
    }

    /**
     * Seals again, with the active key, the personal payloads stored in clear or under a retired key (after a key
     * rotation, or on a database from before encryption); answers how many rows of each column.
     */
    @Operation(summary = "Re-encrypt stored personal data under the current key")
    @PostMapping("/api/v1/ops/encryption/reseal")
    public Map<String, Object> reseal() {
        return Map.of("resealed", resealer.resealAll());
    }

    @Operation(summary = "List deliveries by state (parked ones by default)")
    @GetMapping("/api/v1/ops/deliveries")
    public List<ParkedDeliveries.Parked> deliveries(@RequestParam(defaultValue = "parked")
            @Parameter(schema = @Schema(allowableValues = "parked")) String state,
                                                    @RequestParam(defaultValue = "500")
            @Parameter(schema = @Schema(minimum = "1", maximum = "5000")) int limit) {
        if (!"parked".equals(state)) {
            throw new InvalidParameterException("state", "one-of", "must be 'parked'");
        }
        if (limit < 1 || limit > 5000) {
            throw new InvalidParameterException("limit", "range", "must be between 1 and 5000");
        }
        return parked.list(limit);
    }

    @Operation(summary = "Replay one parked delivery")
    @PostMapping("/api/v1/ops/deliveries/{applicationId}/{item}/replay")
    public Map<String, Object> replay(@PathVariable UUID applicationId, @PathVariable String item) {
        if (!parked.replay(applicationId, item)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no parked delivery of item " + item + " of application " + applicationId);
        }
        return Map.of("replayed", 1);
    }

    @Operation(summary = "Replay every parked delivery")
    @PostMapping("/api/v1/ops/deliveries/replay")
    public Map<String, Object> replayAll() {
        return Map.of("replayed", parked.replayAll());
    }

    @Operation(summary = "Retry an application's collection")
    @PostMapping("/api/v1/ops/applications/{applicationId}/retry")
    public Map<String, Object> retryCollection(@PathVariable UUID applicationId) {
        if (!collectRetries.retryNow(applicationId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no application " + applicationId + " that gave up waiting for its sources");
        }
        return Map.of("retrying", applicationId);
    }
}
