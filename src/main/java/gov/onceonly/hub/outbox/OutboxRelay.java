package gov.onceonly.hub.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Moves committed outbox rows to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * hub instances relay side by side without publishing a row twice in the normal case; a crash between
 * publish and mark publishes again, which every consuming stage tolerates (it is idempotent).
 *
 * <p>Each message is published in its application's trace: a span {@code publish <topic>}, child of the context
 * stored with the application when intake accepted it ({@code application.trace_context}, the propagator's fields),
 * whose W3C headers go with the record. A retry, a replay or a released item published days later is in the same
 * trace as the request that brought the application in.
 */
public class OutboxRelay {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private record Row(long id, String topic, String key, String payload, String traceContext) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Producer<String, String> producer;
    private final int batchSize;
    private final Tracer tracer;
    private final Propagator propagator;
    private final ObjectMapper json;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, Producer<String, String> producer, int batchSize,
                       Tracer tracer, Propagator propagator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.producer = producer;
        this.batchSize = batchSize;
        this.tracer = tracer;
        this.propagator = propagator;
        this.json = json;
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
            // application's trace context goes along as the record's W3C headers.
            List<Row> rows = jdbc.query("""
                    select o.id, o.topic, o.message_key, o.payload, a.trace_context::text from outbox o
                    left join application a on a.id = (case when o.message_key ~ '^[0-9a-f]{8}-[0-9a-f-]{27}(:|$)'
                                                            then left(o.message_key, 36)::uuid end)
                    where o.published_at is null order by o.id limit ? for update of o skip locked""",
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            List<Span> spans = new ArrayList<>(rows.size());
            try {
                for (Row row : rows) {
                    Span span = publishing(row);
                    spans.add(span);
                    ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                    propagator.inject(span.context(), record, (r, name, value) ->
                            r.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                    sends.add(producer.send(record));
                }
                producer.flush();
                for (int i = 0; i < sends.size(); i++) {
                    try {
                        await(sends.get(i));
                    } catch (RuntimeException e) {
                        spans.get(i).error(e);
                        throw e;
                    }
                }
            } finally {
                spans.forEach(Span::end);
            }
            jdbc.batchUpdate("update outbox set published_at = now() where id = ?",
                    rows.stream().map(r -> new Object[]{r.id()}).toList());
            return rows.size();
        });
        return relayed == null ? 0 : relayed;
    }

    /** A producer's span in the application's stored trace; a new trace for a message of no application. */
    private Span publishing(Row row) {
        return propagator.extract(storedContext(row), Map::get).kind(Span.Kind.PRODUCER)
                .name("publish " + row.topic())
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", row.topic())
                .start();
    }

    private Map<String, String> storedContext(Row row) {
        if (row.traceContext() == null) {
            return Map.of();
        }
        try {
            return json.readValue(row.traceContext(), FIELDS);
        } catch (JsonProcessingException unreadable) {
            return Map.of(); // a trace is a help, never a reason not to publish
        }
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
