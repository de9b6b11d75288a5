package gov.onceonly.hub.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@code GET /api/v1/applications/{id}} shows: each item's delivery state, where each field came from,
 * and how many demanded fields the hub filled versus the applicant (the "减材料" figure).
 */
public record ApplicationView(UUID id, String bundle, String mappingVersion, ApplicationStatus status,
                              Instant receivedAt, Instant updatedAt, List<Item> items,
                              int filledByHub, int filledByApplicant, Waiting waiting) {

    /** Sources that did not answer: the reason, the attempts so far and the next one (none: an operator must act). */
    public record Waiting(String reason, int attempts, Instant nextAttemptAt) {
    }

    public record Item(String item, String department, String target, ItemStatus status, int attempts,
                       String lastError, Instant deliveredAt, List<String> missing, List<Field> fields) {
    }

    public record Field(String name, String origin, Instant at) {
    }
}
