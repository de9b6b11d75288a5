package gov.onceonly.hub.connector;

/** A source could not answer (down, timed out, answered garbage). The application waits and retries. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String connector, String reason) {
        super("source " + connector + " unavailable: " + reason);
    }
}
