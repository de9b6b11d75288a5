package gov.onceonly.hub.progress;

import gov.onceonly.hub.application.ItemStatus;

import java.util.Objects;

/**
 * The state rule of department progress: what a report does to an item. Pure, so every case is unit-tested.
 *
 * <p>Order: DELIVERED &lt; ACCEPTED &lt; IN_PROGRESS &lt; DONE | REJECTED. A report moves an item forward only;
 * reports arrive late and twice (two channels, retries, Kafka redelivery), so a stale one is ignored, not an
 * error. DONE and REJECTED are the department's decision: a different decision afterwards is a conflict for a
 * person to sort out, never silently applied. A report on an item the hub still counts as PENDING or PARKED is
 * proof that the department has it (its answer to the hub was lost or is still being recorded), so the item counts
 * as DELIVERED ({@link #provesDelivery}); an item waiting for materials was never sent, and cannot be reported on.
 *
 * <p>Withdrawal: an item being withdrawn takes the department's answer WITHDRAWN, or its decision if it was made
 * first (DONE, REJECTED); progress short of a decision is stale by then. WITHDRAWN answers only a withdrawal notice.
 */
public final class ItemProgress {

    private ItemProgress() {
    }

    /** What to do with a report. */
    public enum Verdict {
        /** It moves the item forward: apply and record it. */
        APPLY,
        /** The same report again: change and record nothing. */
        DUPLICATE,
        /** Older than what the item already is: record it as ignored, change nothing. */
        STALE,
        /** The hub never sent the item (it waits for materials): refuse (409). */
        NOT_DELIVERED,
        /** It contradicts the department's recorded decision: refuse (409). */
        CONFLICT
    }

    /** The item as stored: its status and the recorded outcome of a decision. */
    public record Current(ItemStatus status, String result, String certificateNo, String reason) {
    }

    /** The verdict and a sentence saying why, for the answer, the problem detail or the ignored event. */
    public record Decision(Verdict verdict, String why) {
    }

    /**
     * @param seenBefore whether the item's event log already holds this report: its event id, or, when the report
     *                   has none, an event of the same status
     */
    public static Decision decide(Current current, ItemStatus reported, String result, String certificateNo,
                                  String reason, boolean seenBefore) {
        if (!reported.reportedByDepartment()) {
            throw new IllegalArgumentException(reported + " is not a status a department reports");
        }
        ItemStatus now = provesDelivery(current.status()) ? ItemStatus.DELIVERED : current.status();
        Decision withdrawal = withdrawal(now, reported);
        if (withdrawal != null) {
            return withdrawal;
        }
        if (!now.atDepartment()) {
            return new Decision(Verdict.NOT_DELIVERED, "the item is " + now
                    + ": the hub has not delivered it, so its department cannot report " + reported + " yet");
        }
        if (now.terminal() && reported.terminal()) {
            if (reported != now) {
                return new Decision(Verdict.CONFLICT, "the department already decided the item " + now
                        + "; " + reported + " would change that decision");
            }
            if (contradicts(result, current.result()) || contradicts(certificateNo, current.certificateNo())
                    || contradicts(reason, current.reason())) {
                return new Decision(Verdict.CONFLICT, "the item is already " + now
                        + " with a different result, certificate number or reason");
            }
            return new Decision(Verdict.DUPLICATE, "the item is already " + now);
        }
        int order = Integer.compare(rank(reported), rank(now));
        if (seenBefore || order == 0) {
            return new Decision(Verdict.DUPLICATE, "the item is already " + now + "; this report was received before");
        }
        if (order < 0) {
            return new Decision(Verdict.STALE, "the item is already " + now + "; " + reported + " would move it backwards");
        }
        return new Decision(Verdict.APPLY, now + " -> " + reported);
    }

    /** The verdict where a withdrawal is involved (the item is being withdrawn, or the report withdraws); else null. */
    private static Decision withdrawal(ItemStatus now, ItemStatus reported) {
        if (now == ItemStatus.WITHDRAWING) {
            return reported == ItemStatus.WITHDRAWN || reported.terminal()
                    ? new Decision(Verdict.APPLY, now + " -> " + reported)
                    : new Decision(Verdict.STALE, "the application is being withdrawn; " + reported + " changes nothing");
        }
        if (now == ItemStatus.WITHDRAWN) {
            return reported == ItemStatus.WITHDRAWN ? new Decision(Verdict.DUPLICATE, "the item is already WITHDRAWN")
                    : new Decision(Verdict.CONFLICT, "the department already confirmed the item's withdrawal; "
                    + reported + " would contradict it");
        }
        if (reported == ItemStatus.WITHDRAWN) {
            return now.atDepartment() ? new Decision(Verdict.CONFLICT, "the application of this item was not withdrawn; "
                    + "WITHDRAWN answers a withdrawal notice only")
                    : new Decision(Verdict.NOT_DELIVERED, "the item is " + now + ": the hub has not delivered it, so its"
                    + " department cannot report WITHDRAWN");
        }
        return null;
    }

    /**
     * Whether a department's report on an item in this status proves that the item was delivered: the hub sent it
     * (PENDING: in flight or waiting for a retry; PARKED: after its last attempt) and the department has it. The
     * report's store records the delivery and cancels any retry before applying the report.
     */
    public static boolean provesDelivery(ItemStatus status) {
        return status == ItemStatus.PENDING || status == ItemStatus.PARKED;
    }

    /** DELIVERED 0, ACCEPTED 1, IN_PROGRESS 2, DONE and REJECTED 3. Only meaningful for items at the department. */
    static int rank(ItemStatus status) {
        return switch (status) {
            case ACCEPTED -> 1;
            case IN_PROGRESS -> 2;
            case DONE, REJECTED -> 3;
            default -> 0;
        };
    }

    /** A repeated decision that names a different outcome than the recorded one; leaving a detail out is fine. */
    private static boolean contradicts(String reported, String recorded) {
        return reported != null && !Objects.equals(reported, recorded);
    }
}
