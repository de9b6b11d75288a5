package gov.onceonly.hub.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The status messages the hub refused, newest first, for an operator: their payload is sealed at rest
 * ({@link ApplicationStore#REJECTED_PAYLOAD}), so this is where it is read, not with SQL.
 */
public class RejectedStatusReports {

    /** One refused message: where it was on the topic, why it was refused, and what it said (numbers masked). */
    public record Rejected(Instant receivedAt, String topic, int partition, long offset, String key, String problem,
                           String detail, List<Map<String, Object>> errors, String payload) {
    }

    private static final TypeReference<List<Map<String, Object>>> ERRORS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ApplicationStore store;
    private final ObjectMapper json;

    public RejectedStatusReports(JdbcTemplate jdbc, ApplicationStore store, ObjectMapper json) {
        this.jdbc = jdbc;
        this.store = store;
        this.json = json;
    }

    public List<Rejected> latest(int limit) {
        return jdbc.query("""
                select received_at, topic, kafka_partition, kafka_offset, message_key, problem, detail, payload,
                       errors::text
                from rejected_status_report order by id desc limit ?""",
                (rs, n) -> {
                    String topic = rs.getString(2);
                    int partition = rs.getInt(3);
                    long offset = rs.getLong(4);
                    return new Rejected(rs.getTimestamp(1).toInstant(), topic, partition, offset, rs.getString(5),
                            rs.getString(6), rs.getString(7), errors(rs.getString(9)),
                            store.openedText(ApplicationStore.REJECTED_PAYLOAD, topic + ":" + partition + ":" + offset,
                                    rs.getString(8)));
                }, limit);
    }

    private List<Map<String, Object>> errors(String stored) {
        try {
            return json.readValue(stored, ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rejected_status_report.errors is unreadable", e);
        }
    }
}
