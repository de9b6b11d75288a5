package gov.onceonly.hub.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * The transactional outbox: a message to publish is a row written in the same transaction as the state
 * change it announces, so a message exists if and only if its cause was committed.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final OutboxWakeup wakeup;

    public Outbox(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    /** An outbox that wakes the relay once the appending transaction has committed (not before: see below). */
    public Outbox(JdbcTemplate jdbc, OutboxWakeup wakeup) {
        this.jdbc = jdbc;
        this.wakeup = wakeup;
    }

    /** A message to publish: its key and its text. */
    public record Message(String key, String payload) {
    }

    /** Must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, String payload) {
        appendAll(topic, List.of(new Message(key, payload)));
    }

    /** Several messages to one topic, in one statement; must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(String topic, List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into outbox (topic, message_key, payload) values (?, ?, ?)",
                messages.stream().map(m -> new Object[] {topic, m.key(), m.payload()}).toList());
        if (wakeup != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            // After the commit, never before: a relay woken earlier would not see the row yet, and a rolled-back
            // row must never be published. Several appends in one transaction wake it once (signals coalesce).
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeup.committed();
                }
            });
        }
    }
}
