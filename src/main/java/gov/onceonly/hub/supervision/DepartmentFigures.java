package gov.onceonly.hub.supervision;

import java.time.Instant;
import java.util.List;

/**
 * The supervision figures of each department for a period (docs/supervision.md, "Figures"): the items it received
 * (delivered to it in [from, to)) and what became of them so far. Times in seconds from the delivery.
 */
public record DepartmentFigures(Instant from, Instant to, List<DepartmentSupervision> departments) {

    /**
     * One department's figures.
     *
     * @param itemsOverdue items that went OVERDUE, decided since or not
     * @param itemsDecidedLate items decided (DONE or REJECTED) after their due date
     * @param toAcceptance from delivery to acceptance (受理)
     * @param toDecision from delivery to decision (办结 or 退回)
     * @param satisfaction satisfaction rate 0..1 (好差评); null until ratings are kept
     * @param badRatingCasesOpen 差评 cases not yet rectified; null until ratings are kept
     * @param badRatingCasesLate 差评 cases past their rectification date; null until ratings are kept
     * @param stepsSaved 减环节: separate applications the citizens did not make at this department (docs/supervision.md)
     */
    public record DepartmentSupervision(String department, long itemsReceived, long itemsAccepted, long itemsDone,
                             long itemsRejected, long itemsOverdue, long itemsDecidedLate, HandlingTimes toAcceptance,
                             HandlingTimes toDecision, Double satisfaction, Long badRatingCasesOpen,
                             Long badRatingCasesLate, long stepsSaved) {
    }

    /** How many, and their median and 90th percentile in seconds (null when there are none). */
    public record HandlingTimes(long count, Double p50Seconds, Double p90Seconds) {

        static final HandlingTimes NONE = new HandlingTimes(0, null, null);
    }
}
