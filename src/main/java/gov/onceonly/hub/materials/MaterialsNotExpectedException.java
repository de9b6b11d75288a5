package gov.onceonly.hub.materials;

import gov.onceonly.hub.intake.FieldViolation;

/**
 * Materials for an application that does not exist (404), waits for none, or whose bundle the hub no longer
 * serves (409); {@link #violation} names what is wrong for the problem details.
 */
public class MaterialsNotExpectedException extends RuntimeException {

    private final boolean unknownApplication;
    private final FieldViolation violation;

    public MaterialsNotExpectedException(String message, boolean unknownApplication, FieldViolation violation) {
        super(message);
        this.unknownApplication = unknownApplication;
        this.violation = violation;
    }

    public boolean unknownApplication() {
        return unknownApplication;
    }

    public FieldViolation violation() {
        return violation;
    }
}
