package gov.onceonly.hub.api;

import gov.onceonly.hub.intake.FieldViolation;

/** A query or path parameter the API cannot serve; answered 400 with the parameter and the rule. */
public class InvalidParameterException extends RuntimeException {

    private final FieldViolation violation;

    public InvalidParameterException(String parameter, String rule, String message) {
        super(parameter + " " + message);
        this.violation = new FieldViolation(parameter, rule, message);
    }

    public FieldViolation violation() {
        return violation;
    }
}
