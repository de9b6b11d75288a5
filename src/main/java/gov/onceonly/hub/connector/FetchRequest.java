package gov.onceonly.hub.connector;

/** A request to one source for one dataset of one subject, on behalf of one application. */
public record FetchRequest(String applicationId, String connector, String dataset, String key) {

    /** For Camel's simple language, which reads bean properties. */
    public String getConnector() {
        return connector;
    }
}
