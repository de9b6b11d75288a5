package gov.onceonly.hub.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.security.PayloadCipher;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read side of applications: the status view a channel polls. */
public class ApplicationQueries {

    private static final TypeReference<Map<String, ItemRecord.FieldOrigin>> PROVENANCE = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Milestone>> WAITS_FOR = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PayloadCipher cipher;

    public ApplicationQueries(JdbcTemplate jdbc, ObjectMapper json, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    public Optional<ApplicationView> view(UUID id) {
        List<ApplicationView> found = jdbc.query("""
                select bundle_id, mapping_version, status, created_at, updated_at, attention_reason, collect_attempts,
                       next_collect_at, trace_id, withdrawn_at, withdrawal_reason
                from application where id = ?""",
                (rs, n) -> {
                    List<ApplicationView.Item> items = items(id);
                    int byHub = 0;
                    int byApplicant = 0;
                    for (ApplicationView.Item item : items) {
                        for (ApplicationView.Field field : item.fields()) {
                            if (new ItemRecord.FieldOrigin(field.origin(), null).fromApplicant()) byApplicant++; else byHub++;
                        }
                    }
                    return new ApplicationView(id, rs.getString(1), rs.getString(2),
                            ApplicationStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(), items, byHub, byApplicant, waiting(rs), rs.getString(9),
                            rs.getTimestamp(10) == null ? null
                                    : new ApplicationView.Withdrawal(rs.getTimestamp(10).toInstant(), rs.getString(11)));
                }, id);
        return found.stream().findFirst();
    }

    /** Why the hub is still collecting, or gave up; null once the sources have answered. */
    private static ApplicationView.Waiting waiting(java.sql.ResultSet rs) throws java.sql.SQLException {
        if (rs.getString(6) == null || rs.getInt(7) == 0) {
            return null;
        }
        Timestamp next = rs.getTimestamp(8);
        return new ApplicationView.Waiting(rs.getString(6), rs.getInt(7), next == null ? null : next.toInstant());
    }

    private List<ApplicationView.Item> items(UUID id) {
        Map<String, List<ApplicationView.Event>> timelines = timelines(id);
        List<ApplicationView.Item> items = jdbc.query("""
                select item_id, department, target_id, status, attempts, last_error, delivered_at,
                       missing::text, provenance::text, dept_status, dept_status_at, result, certificate_no, reason,
                       waits_for::text
                from application_item where application_id = ? order by item_id""",
                (rs, n) -> {
                    List<ApplicationView.Field> fields = new ArrayList<>();
                    read(rs.getString(9), PROVENANCE).forEach((name, origin) ->
                            fields.add(new ApplicationView.Field(name, origin.origin(), origin.at(), origin.reportedBy())));
                    String deptStatus = rs.getString(10);
                    String waitsFor = rs.getString(15);
                    return new ApplicationView.Item(rs.getString(1), rs.getString(2), rs.getString(3),
                            ItemStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6),
                            instant(rs.getTimestamp(7)), read(rs.getString(8), NAMES),
                            waitsFor == null ? Map.of() : read(waitsFor, WAITS_FOR), fields,
                            deptStatus == null ? null : ItemStatus.valueOf(deptStatus), instant(rs.getTimestamp(11)),
                            rs.getString(12), rs.getString(13), rs.getString(14),
                            timelines.getOrDefault(rs.getString(1), List.of()));
                }, id);
        // What a waiting item still waits for: its prerequisites that have not reached their milestones yet.
        Map<String, ItemStatus> statuses = new HashMap<>();
        items.forEach(item -> statuses.put(item.item(), item.status()));
        return items.stream().map(item -> item.withWaitsFor(item.status() != ItemStatus.WAITING ? Map.of()
                : ItemOrder.unmet(new ItemOrder.Item(item.item(), item.status(), item.waitsFor()), statuses))).toList();
    }

    /** The department reports of every item, in the order they happened at the department. */
    private Map<String, List<ApplicationView.Event>> timelines(UUID id) {
        Map<String, List<ApplicationView.Event>> timelines = new HashMap<>();
        jdbc.query("""
                select item_id, status, at, received_at, source, applied, event_id, details::text
                from item_event where application_id = ? order by item_id, at, id""",
                rs -> {
                    timelines.computeIfAbsent(rs.getString(1), item -> new ArrayList<>()).add(new ApplicationView.Event(
                            ItemStatus.valueOf(rs.getString(2)), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                            rs.getString(5), rs.getBoolean(6), rs.getString(7),
                            details(id + ":" + rs.getString(1), rs.getString(8))));
                }, id);
        return timelines;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A report's details, sealed for its application and item; a report from before sealing may have none. */
    private Map<String, Object> details(String rowKey, String stored) {
        if (stored == null || "{}".equals(stored)) {
            return Map.of();
        }
        return read(cipher.open(ApplicationStore.EVENT_DETAILS + "|" + rowKey, stored), DETAILS);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
