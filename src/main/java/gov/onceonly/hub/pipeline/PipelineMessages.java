package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.UUID;

/** The small JSON messages that travel between stages: which application, and which item. */
public final class PipelineMessages {

    private PipelineMessages() {
    }

    public record ApplicationReceived(UUID applicationId) {
    }

    public record DeliveryQueued(UUID applicationId, String itemId) {

        /**
         * The Kafka key of a delivery: application and item. Keyed by application alone, all items of an
         * application fell into one partition and one consumer sent them one after another; by item they go out in
         * parallel, and the deliveries of one item still keep their order.
         */
        public String key() {
            return applicationId + ":" + itemId;
        }
    }

    public static <T> T read(ObjectMapper json, byte[] payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable pipeline message: " + e.getMessage(), e);
        }
    }

    public static String write(ObjectMapper json, Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
