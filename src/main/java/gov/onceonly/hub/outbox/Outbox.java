package gov.onceonly.hub.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: a message to publish is a row written in the same transaction as the state
 * change it announces, so a message exists if and only if its cause was committed.
 */
public class Outbox {

    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, String payload) {
        jdbc.update("insert into outbox (topic, message_key, payload) values (?, ?, ?)", topic, key, payload);
    }
}
