package gov.onceonly.hub.intake;

import java.util.List;

/** An application that breaks one or more rules; it is answered with 422 and nothing is stored. */
public class InvalidApplicationException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidApplicationException(List<FieldViolation> violations) {
        super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
