package gov.onceonly.hub.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Manual offset handling for the consuming routes: a message's offset is committed only after its effects
 * are in PostgreSQL. {@link #hold} keeps the commit handle aside, because connector routes clear headers.
 */
public class KafkaOffsets {

    private static final String HANDLE = "hubKafkaCommit";

    public void hold(Exchange exchange) {
        exchange.setProperty(HANDLE, exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT));
    }

    public void commit(Exchange exchange) {
        Object handle = exchange.getProperty(HANDLE);
        if (handle == null) {
            handle = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT);
        }
        if (handle instanceof KafkaManualCommit manual) {
            manual.commit();
        }
    }
}
