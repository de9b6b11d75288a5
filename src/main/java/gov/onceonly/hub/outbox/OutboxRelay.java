package gov.onceonly.hub.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Moves committed outbox rows to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * hub instances relay side by side without publishing a row twice in the normal case; a crash between
 * publish and mark publishes again, which every consuming stage tolerates (it is idempotent).
 */
public class OutboxRelay {

    private record Row(long id, String topic, String key, String payload) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Producer<String, String> producer;
    private final int batchSize;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, Producer<String, String> producer, int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.producer = producer;
        this.batchSize = batchSize;
    }

    /** Relays until the outbox is empty; returns how many rows were published. */
    public int relayPending() {
        int total = 0;
        int relayed;
        do {
            relayed = relayBatch();
            total += relayed;
        } while (relayed == batchSize);
        return total;
    }

    int relayBatch() {
        Integer relayed = tx.execute(status -> {
            List<Row> rows = jdbc.query("""
                    select id, topic, message_key, payload from outbox
                    where published_at is null order by id limit ? for update skip locked""",
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            rows.forEach(row -> sends.add(producer.send(new ProducerRecord<>(row.topic(), row.key(), row.payload()))));
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                await(send);
            }
            jdbc.batchUpdate("update outbox set published_at = now() where id = ?",
                    rows.stream().map(r -> new Object[]{r.id()}).toList());
            return rows.size();
        });
        return relayed == null ? 0 : relayed;
    }

    private static void await(Future<RecordMetadata> send) {
        try {
            send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an outbox message: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Rows not yet published: the relay's backlog. */
    public long backlog() {
        Long n = jdbc.queryForObject("select count(*) from outbox where published_at is null", Long.class);
        return n == null ? 0 : n;
    }
}
