package gov.onceonly.hub.rating;

import gov.onceonly.hub.intake.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * A rating or a case step the object's state does not allow now (rated already, not completed yet, a case not yet
 * answered or already closed): answered 409, naming the field and the rule.
 */
public class RatingConflictException extends RuntimeException {

    private final FieldViolation violation;

    public RatingConflictException(String field, String rule, String message) {
        super(message);
        this.violation = new FieldViolation(field, rule, message);
    }

    public FieldViolation violation() {
        return violation;
    }

    /** The 409 problem the controllers answer with. */
    ResponseStatusException problem() {
        ResponseStatusException problem = new ResponseStatusException(HttpStatus.CONFLICT, getMessage());
        problem.getBody().setProperty("errors", List.of(violation));
        return problem;
    }
}
