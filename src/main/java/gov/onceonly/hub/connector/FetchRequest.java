package gov.onceonly.hub.connector;

/**
 * A request to one source for one dataset of one subject, on behalf of one application. Routes read its
 * components by name ({@code ${body.connector}}), so it must not grow a {@code getConnector()} beside
 * {@code connector()}: Camel would find the call ambiguous.
 */
public record FetchRequest(String applicationId, String connector, String dataset, String key) {
}
