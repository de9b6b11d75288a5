package gov.onceonly.hub.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;

/**
 * Pipeline messages that name nothing the hub can act on (not JSON, not the stage's message). Reading one again
 * cannot help, and holding its partition would stop every application behind it, so it is kept in
 * {@code rejected_pipeline_message} for an operator and the stage commits past it.
 */
public class RejectedMessages {

    private static final Logger log = LoggerFactory.getLogger(RejectedMessages.class);
    private static final int MAX_KEPT = 16_384;

    private final JdbcTemplate jdbc;

    public RejectedMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a Kafka message with the reason; a redelivery of the same offset is kept once. */
    public void keep(String topic, int partition, long offset, String key, byte[] body, String reason) {
        String payload = body == null ? null : printable(new String(body, StandardCharsets.UTF_8));
        jdbc.update("""
                insert into rejected_pipeline_message (received_at, topic, kafka_partition, kafka_offset, message_key,
                                                       payload, reason)
                values (now(), ?, ?, ?, ?, ?, ?) on conflict (topic, kafka_partition, kafka_offset) do nothing""",
                topic, partition, offset, key == null ? null : printable(key), payload, printable(reason));
        log.warn("Rejected the message at {}-{}@{}: {}", topic, partition, offset, reason);
    }

    /** PostgreSQL text cannot hold U+0000; the kept copy is for reading, so it goes. */
    private static String printable(String text) {
        String cut = text.length() > MAX_KEPT ? text.substring(0, MAX_KEPT) : text;
        return cut.replace("\0", "");
    }
}
