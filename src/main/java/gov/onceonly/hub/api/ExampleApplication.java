package gov.onceonly.hub.api;

/**
 * A ready-to-submit application body for the startup banner's curl. The sandbox provides one for its
 * synthetic people; without a sandbox the banner shows the shape with placeholders.
 */
public interface ExampleApplication {

    String bundle();

    String json();
}
