package gov.onceonly.hub.progress;

import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ItemStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a status report: what the report did ({@code outcome}) and where the item and its application
 * stand now. A repeated or stale report gets the same 200 with the current state.
 */
public record ItemState(UUID applicationId, String item, Outcome outcome, String note, ItemStatus status,
                        ItemStatus deptStatus, Instant deptStatusAt, String result, String certificateNo,
                        String reason, ApplicationStatus applicationStatus, String statusUrl) {

    /** What a report accepted with 200 did. */
    public enum Outcome {
        /** It moved the item forward. */
        APPLIED,
        /** It was received before; nothing changed and nothing was recorded. */
        DUPLICATE,
        /** It was out of order (older than the item's status); recorded as ignored, nothing changed. */
        IGNORED
    }
}
