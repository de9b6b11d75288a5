package gov.onceonly.hub.progress;

import gov.onceonly.hub.application.ItemStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A validated status report: one timestamped change an item's department reports. Stored in {@code item_event}
 * whether it moved the item or was ignored as stale; its outputs (DONE only) are kept sealed with the item, and the
 * event names them only.
 */
public record ItemEvent(UUID applicationId, String item, ItemStatus status, Instant at, Instant receivedAt,
                        Source source, String result, String certificateNo, String reason, String eventId,
                        Map<String, Object> outputs) {

    public ItemEvent {
        outputs = outputs == null ? Map.of() : outputs;
    }

    /** The channel a report came by. */
    public enum Source { REST, KAFKA }

    /** The department's outcome fields that were given, for the event's {@code details}. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (result != null) details.put("result", result);
        if (certificateNo != null) details.put("certificateNo", certificateNo);
        if (reason != null) details.put("reason", reason);
        if (!outputs.isEmpty()) details.put("outputs", List.copyOf(outputs.keySet()));
        return details;
    }
}
