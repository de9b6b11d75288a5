package gov.onceonly.hub.connector;

import org.apache.camel.Exchange;

import java.io.IOException;

/**
 * The Java half of the http target template's answer: an approval system's reply is read through
 * {@link BoundedAnswer} (and dropped: the hub needs only its status), and anything but 2xx fails the push, so that
 * the dispatch stage retries or parks it. Camel's own failure exception would buffer the whole reply to quote it.
 */
public class TargetAnswers {

    /** A push its department did not take: the status, never the reply (it may echo the record). */
    public static final class PushRefusedException extends IOException {
        public PushRefusedException(String target, String reason) {
            super("target " + target + " did not take the push: " + reason);
        }
    }

    private final ConnectorCatalog connectors;
    private final int maxAnswerBytes;

    public TargetAnswers(ConnectorCatalog connectors, int maxAnswerBytes) {
        this.connectors = connectors;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    public void check(Exchange exchange) throws IOException {
        String target = exchange.getProperty(DepartmentCalls.TARGET, "?", String.class);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        try {
            BoundedAnswer.read(exchange.getMessage().getBody(), maxAnswerBytes, BoundedAnswer.deadline(connectors, target));
        } catch (BoundedAnswer.TooLargeOrTooSlow e) {
            throw new PushRefusedException(target, e.getMessage());
        }
        if (status < 200 || status > 299) {
            throw new PushRefusedException(target, "HTTP " + status);
        }
        exchange.getMessage().setBody(null);
    }
}
