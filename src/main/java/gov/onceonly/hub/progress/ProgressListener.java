package gov.onceonly.hub.progress;

import gov.onceonly.hub.application.ItemStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * What else a department's applied report changes, in the report's own transaction and under the item's row lock
 * (supervision keeps the item's clock this way). Declared here so that progress depends on no feature that listens.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A report of {@code status} was applied to the item; {@code receivedAt} is the hub's time of receipt. */
    void applied(UUID applicationId, String item, ItemStatus status, Instant receivedAt);

    ProgressListener NONE = (applicationId, item, status, receivedAt) -> { };
}
