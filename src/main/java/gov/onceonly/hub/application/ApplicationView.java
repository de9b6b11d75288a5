package gov.onceonly.hub.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code GET /api/v1/applications/{id}} shows: each item's delivery state, where each field came from,
 * how many demanded fields the hub filled versus the applicant (the "减材料" figure), and each item's progress
 * at its department with the timestamps of every report (the raw data of the "减时间" figure).
 */
public record ApplicationView(UUID id, String bundle, String mappingVersion, ApplicationStatus status,
                              Instant receivedAt, Instant updatedAt, List<Item> items,
                              int filledByHub, int filledByApplicant, Waiting waiting, String traceId,
                              Withdrawal withdrawal) {

    /**
     * The same view with only the given items, for a department that may see its own items only: the status and the
     * 减材料 figures are those of its items, and why the hub waits (which may name other departments' sources) is left
     * out.
     */
    public ApplicationView onlyItems(List<Item> kept) {
        boolean withdrawn = withdrawal != null;
        int byApplicant = (int) kept.stream().flatMap(item -> item.fields().stream())
                .filter(field -> new ItemRecord.FieldOrigin(field.origin(), null).fromApplicant()).count();
        int all = kept.stream().mapToInt(item -> item.fields().size()).sum();
        return new ApplicationView(id, bundle, mappingVersion, ApplicationStatus.derive(kept.stream().map(Item::status)
                .toList(), withdrawn), receivedAt, updatedAt, kept, all - byApplicant, byApplicant, null, traceId, withdrawal);
    }

    /** The applicant's channel withdrew the application at {@code at}, for this reason (null: not withdrawn). */
    public record Withdrawal(Instant at, String reason) {
    }

    /** Sources that did not answer: the reason, the attempts so far and the next one (none: an operator must act). */
    public record Waiting(String reason, int attempts, Instant nextAttemptAt) {
    }

    /**
     * One item: its delivery, then what its department reported ({@code deptStatus} at {@code deptStatusAt}, with
     * the decision's result, certificate number or reason) and every report in order ({@code timeline}). A WAITING
     * item lists the items it still waits for and how far each must go ({@code waitsFor}); a CANCELLED one says why
     * in {@code reason}.
     */
    public record Item(String item, String department, String target, ItemStatus status, int attempts,
                       String lastError, Instant deliveredAt, List<String> missing, Map<String, Milestone> waitsFor,
                       List<Field> fields, ItemStatus deptStatus, Instant deptStatusAt, String result,
                       String certificateNo, String reason, List<Event> timeline) {

        Item withWaitsFor(Map<String, Milestone> unmet) {
            return new Item(item, department, target, status, attempts, lastError, deliveredAt, missing, unmet, fields,
                    deptStatus, deptStatusAt, result, certificateNo, reason, timeline);
        }
    }

    /**
     * A department's report: when it happened there ({@code at}) and when the hub received it, by which channel,
     * and whether it moved the item ({@code applied}) or was ignored as out of order ({@code details.ignored}).
     */
    public record Event(ItemStatus status, Instant at, Instant receivedAt, String source, boolean applied,
                        String eventId, Map<String, Object> details) {
    }

    /** Where a field came from and when; for an earlier item's output, the department that reported it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Field(String name, String origin, Instant at, String reportedBy) {
    }
}
