package gov.onceonly.hub.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.security.PayloadCipher;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code proposal} and {@code proposal_rejected_event} tables. The subject's key, what the event filled and a
 * rejected event are personal data: sealed at rest ({@link PayloadCipher}), each bound to its row.
 */
public class ProposalStore {

    static final String SUBJECT = "proposal.subject";
    static final String PREFILLED = "proposal.prefilled";
    static final String REJECTED_EVENT = "proposal_rejected_event.event";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final PayloadCipher cipher;
    private final ObjectMapper json;

    public ProposalStore(JdbcTemplate jdbc, PayloadCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    /** A proposal to store: true if it is new, false if its rule already proposed for this event. */
    boolean insert(UUID id, String ruleId, String eventKey, String bundleId, EventCheck.Proposed proposed,
                   String eventSha256, Instant expiresAt) {
        Map<String, Object> prefilled = new LinkedHashMap<>();
        prefilled.put("form", proposed.form());
        prefilled.put("parties", proposed.parties());
        return jdbc.update("""
                insert into proposal (id, rule_id, event_key, bundle_id, subject, prefilled, event_sha256, status, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict (rule_id, event_key) do nothing""",
                id, ruleId, eventKey, bundleId, cipher.seal(SUBJECT + "|" + id, write(proposed.subject())),
                cipher.seal(PREFILLED + "|" + id, write(prefilled)), eventSha256, Timestamp.from(expiresAt)) == 1;
    }

    public Optional<Proposal> find(UUID id) {
        return jdbc.query("""
                select id, rule_id, bundle_id, subject, prefilled, event_sha256, status, created_at, expires_at,
                       decided_at, decided_by, decline_reason, application_id from proposal where id = ?""",
                this::proposal, id).stream().findFirst();
    }

    /** Marks it confirmed into {@code applicationId}, if it is still open at the database's now; false otherwise. */
    boolean confirmed(UUID id, UUID applicationId, String channel) {
        return jdbc.update("""
                update proposal set status = 'CONFIRMED', application_id = ?, decided_at = now(), decided_by = ?
                where id = ? and status = 'OPEN' and expires_at > now()""", applicationId, channel, id) == 1;
    }

    /** Marks it declined, if it is still open; false otherwise. */
    boolean declined(UUID id, String channel, String reason) {
        return jdbc.update("""
                update proposal set status = 'DECLINED', decided_at = now(), decided_by = ?, decline_reason = ?
                where id = ? and status = 'OPEN' and expires_at > now()""", channel, reason, id) == 1;
    }

    /** Every open proposal past its expiry is EXPIRED from now on; returns how many. */
    public int expire() {
        return jdbc.update("""
                update proposal set status = 'EXPIRED', decided_at = now(), decided_by = 'hub'
                where status = 'OPEN' and expires_at <= now()""");
    }

    /** Keeps an event that failed a rule's validation, with the reason; once per (rule, record). */
    void rejected(String ruleId, String topic, int partition, long offset, String reason, String event) {
        String context = REJECTED_EVENT + "|" + ruleId + ":" + topic + ":" + partition + ":" + offset;
        jdbc.update("""
                insert into proposal_rejected_event (rule_id, topic, partition_no, offset_no, reason, event)
                values (?, ?, ?, ?, ?, ?) on conflict (rule_id, topic, partition_no, offset_no) do nothing""",
                ruleId, topic, partition, offset, reason, cipher.seal(context, write(event)));
    }

    /** An event kept for operators: where it was read and why it made no proposal (the event itself stays sealed). */
    public record RejectedEvent(long id, String rule, String topic, int partition, long offset, String reason,
                                Instant receivedAt) {
    }

    public List<RejectedEvent> rejectedEvents(int limit) {
        return jdbc.query("""
                select id, rule_id, topic, partition_no, offset_no, reason, received_at from proposal_rejected_event
                order by id desc limit ?""", (rs, n) -> new RejectedEvent(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()), limit);
    }

    @SuppressWarnings("unchecked")
    private Proposal proposal(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Map<String, Object> prefilled = read(cipher.open(PREFILLED + "|" + id, rs.getString(5)));
        return new Proposal(id, rs.getString(2), rs.getString(3), readText(cipher.open(SUBJECT + "|" + id, rs.getString(4))),
                (Map<String, Object>) prefilled.getOrDefault("form", Map.of()),
                (Map<String, String>) prefilled.getOrDefault("parties", Map.of()), rs.getString(6),
                ProposalStatus.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                instant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12), rs.getObject(13, UUID.class));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an unreadable proposal", e);
        }
    }

    private String readText(String text) {
        try {
            return json.readValue(text, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an unreadable proposal", e);
        }
    }
}
