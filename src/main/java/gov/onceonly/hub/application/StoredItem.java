package gov.onceonly.hub.application;

import java.util.UUID;

/** One item of a stored application, with what its delivery needs. */
public record StoredItem(UUID applicationId, String bundleId, String itemId, String department, String target,
                         String record, ItemStatus status, int attempts) {

    /** The key a target uses to recognise a redelivery: application id and item id. */
    public String idempotencyKey() {
        return applicationId + ":" + itemId;
    }
}
