package gov.onceonly.hub.rating;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A rectification case (整改) as the department responsible, the applicant's channel and the operator see it: the
 * 差评 that opened it (the level and the applicant's comment, which the department needs in order to answer), the
 * department's answer and the applicant's callback (回访).
 *
 * @param item           the item rated 差评; null for a case opened by the whole application's 差评
 * @param status         OPEN (waiting for the department), ANSWERED (waiting for the callback) or CLOSED
 * @param comment        the applicant's comment on the rating, plain text; null if none
 * @param callbackResult satisfied or unsatisfied, once the callback was made
 */
public record RectificationCase(UUID id, UUID applicationId, String item, String department, String level,
                                String comment, Status status, OffsetDateTime openedAt, OffsetDateTime dueAt,
                                String answer, OffsetDateTime answeredAt, String callbackResult, String callbackNote,
                                OffsetDateTime closedAt) {

    /** Where a case is: waiting for the department's answer, for the applicant's callback, or closed. */
    public enum Status { OPEN, ANSWERED, CLOSED }
}
