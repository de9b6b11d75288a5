package gov.onceonly.hub.outbox;

import gov.onceonly.hub.tracing.TraceParent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
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

    private record Row(long id, String topic, String key, String payload, String traceId) {
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
            // Every message's key starts with its application's id (a delivery's goes on with ":<item>"); the
            // application's trace id goes along as the traceparent header.
            List<Row> rows = jdbc.query("""
                    select o.id, o.topic, o.message_key, o.payload, a.trace_id from outbox o
                    left join application a on a.id = (case when o.message_key ~ '^[0-9a-f]{8}-[0-9a-f-]{27}(:|$)'
                                                            then left(o.message_key, 36)::uuid end)
                    where o.published_at is null order by o.id limit ? for update of o skip locked""",
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            rows.forEach(row -> sends.add(producer.send(record(row))));
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

    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        if (row.traceId() != null) {
            record.headers().add(TraceParent.HEADER,
                    TraceParent.ofTrace(row.traceId()).header().getBytes(StandardCharsets.UTF_8));
        }
        return record;
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
}
