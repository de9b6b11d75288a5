package gov.onceonly.hub.api;

/**
 * A ready-to-submit application for the startup banner's command. The sandbox serves one for its synthetic people at
 * a URL, so that the command fetches it and the log carries no ID number; without a sandbox the banner shows the
 * shape with placeholders.
 */
public interface ExampleApplication {

    String bundle();

    /** Where a GET answers the application body. */
    String url();
}
