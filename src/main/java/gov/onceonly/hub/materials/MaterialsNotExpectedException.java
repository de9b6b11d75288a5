package gov.onceonly.hub.materials;

/** Materials for an application that does not exist (404) or waits for none (409). */
public class MaterialsNotExpectedException extends RuntimeException {

    private final boolean unknownApplication;

    public MaterialsNotExpectedException(String message, boolean unknownApplication) {
        super(message);
        this.unknownApplication = unknownApplication;
    }

    public boolean unknownApplication() {
        return unknownApplication;
    }
}
