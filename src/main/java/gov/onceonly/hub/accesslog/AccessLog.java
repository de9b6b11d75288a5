package gov.onceonly.hub.accesslog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The personal access log ("who looked at my data"): a row per dataset pulled and per item pushed for an
 * application, written in the transaction of the stage that did it. The subject is the application's; a row already
 * there (a redelivered message) is left as it is.
 */
public class AccessLog {

    /** At most this many rows are served for one subject, the newest. */
    static final int LIMIT = 5000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AccessLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void pulled(UUID applicationId, String connector, String dataset, boolean found, Collection<String> fields) {
        insert(applicationId, "PULL", connector, dataset, "", null, found, fields);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void pushed(UUID applicationId, String item, String target, String department, Collection<String> fields) {
        insert(applicationId, "PUSH", target, "", item, department, null, fields);
    }

    private void insert(UUID applicationId, String kind, String connector, String dataset, String item, String department,
                        Boolean found, Collection<String> fields) {
        jdbc.update("""
                insert into access_log (subject_key, application_id, kind, connector_id, dataset, item, department, found,
                                        fields, at)
                select a.subject_key, a.id, ?, ?, ?, ?, ?, ?, ?::jsonb, now() from application a where a.id = ?
                on conflict do nothing""",
                kind, connector, dataset, item, department, found, write(List.copyOf(fields)), applicationId);
    }

    /**
     * Every access to the subject's data, oldest first (the newest {@value #LIMIT}); given a channel's app key, only
     * those under the applications that channel submitted (a channel shows the applicant what it applied for; an
     * empty log reveals nothing about other channels' applications).
     */
    public List<AccessLogEntry> of(String subjectKey, String submittedBy) {
        return jdbc.query("""
                select * from (
                    select l.kind, l.at, l.application_id, a.bundle_id, l.connector_id, l.dataset, l.item, l.department,
                           l.found, l.fields::text, a.consent ->> 'purpose', a.consent ->> 'givenAt', l.id
                    from access_log l join application a on a.id = l.application_id
                    where l.subject_key = ? and (?::text is null or a.submitted_by = ?)
                    order by l.at desc, l.id desc limit ?) newest
                order by 2, 13""",
                (rs, n) -> new AccessLogEntry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), blankToNull(rs.getString(6)), blankToNull(rs.getString(7)),
                        rs.getString(8), (Boolean) rs.getObject(9), read(rs.getString(10)),
                        new AccessLogEntry.Consent(rs.getString(11), rs.getString(12))), subjectKey, submittedBy,
                submittedBy, LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private String write(List<String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored field names are unreadable", e);
        }
    }
}
