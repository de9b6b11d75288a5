package gov.onceonly.hub.progress;

import gov.onceonly.hub.intake.FieldViolation;

import java.util.List;

/**
 * A status report the hub does not accept, and why: answered as a problem over REST, kept in
 * {@code rejected_status_report} when it came from the status topic. Nothing of it is applied.
 */
public class StatusReportException extends RuntimeException {

    /** The kinds of refusal, with their HTTP status and problem type. */
    public enum Problem {
        INVALID(422, "invalid-status-report", "Invalid status report"),
        UNKNOWN_APPLICATION(404, "unknown-application", "Unknown application"),
        UNKNOWN_ITEM(404, "unknown-item", "Unknown item"),
        NOT_DELIVERED(409, "item-not-delivered", "Item not delivered"),
        CONFLICT(409, "status-conflict", "Status conflict"),
        UNREADABLE(400, "malformed-json", "Malformed JSON");

        private final int httpStatus;
        private final String type;
        private final String title;

        Problem(int httpStatus, String type, String title) {
            this.httpStatus = httpStatus;
            this.type = type;
            this.title = title;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String type() {
            return type;
        }

        public String title() {
            return title;
        }
    }

    private final Problem problem;
    private final List<FieldViolation> violations;

    public StatusReportException(Problem problem, String detail, List<FieldViolation> violations) {
        super(detail);
        this.problem = problem;
        this.violations = List.copyOf(violations);
    }

    static StatusReportException invalid(List<FieldViolation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).field() + " " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new StatusReportException(Problem.INVALID, detail, violations);
    }

    public Problem problem() {
        return problem;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
