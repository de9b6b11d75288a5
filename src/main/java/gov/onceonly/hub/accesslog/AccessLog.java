package gov.onceonly.hub.accesslog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The personal access log ("who looked at my data"): every dataset pulled and every item pushed for the subject's
 * applications. It is read from the evidence ledger, whose pull and push entries carry the field names (never the
 * values), so it costs no write of its own and is as tamper-evident as the ledger; the rows of {@code access_log} are
 * the accesses recorded before the ledger carried them (migration V14). A subject who is a party of someone else's
 * application (the spouse, the deceased) sees the pulls of their own data there, with the legal basis they were made
 * on if they could not consent; the applicant's log does not list those pulls as theirs. Every read of the subject's
 * archive is there too ({@code READ}: the reader as {@code connector}, what was read as {@code item}, the sections as
 * {@code fields}): a channel sees its own reads and the operators'.
 */
public class AccessLog {

    /** At most this many rows are served for one subject, the newest. */
    static final int LIMIT = 5000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationStore applications;

    public AccessLog(JdbcTemplate jdbc, ObjectMapper json, ApplicationStore applications) {
        this.jdbc = jdbc;
        this.json = json;
        this.applications = applications;
    }

    /**
     * Every access to the subject's data, oldest first (the newest {@value #LIMIT}); given a channel's app key, only
     * those under the applications that channel submitted (a channel shows the applicant what it applied for; an
     * empty log reveals nothing about other channels' applications).
     */
    public List<AccessLogEntry> of(String subjectKey, String submittedBy) {
        Map<UUID, Map<String, Object>> consents = new HashMap<>();
        return jdbc.query("""
                select * from (
                    select kind, at, application_id, bundle_id, connector_id, dataset, item, department, found, fields,
                           consent, legal_basis, n
                    from (
                        select l.kind, l.at, l.application_id, a.bundle_id, l.connector_id, l.dataset, l.item, l.department,
                               l.found, l.fields::text as fields, a.consent::text as consent,
                               null::text as legal_basis, l.id as n
                        from access_log l join application a on a.id = l.application_id
                        where l.subject_key = ? and (?::text is null or a.submitted_by = ?)
                        union all
                        select e.kind, e.recorded_at, e.application_id, a.bundle_id, split_part(e.party, '/', 1),
                               case when e.kind = 'PULL' then split_part(e.party, '/', 2) else '' end, coalesce(e.item, ''),
                               e.detail::jsonb ->> 'department', (e.detail::jsonb ->> 'found')::boolean,
                               (e.detail::jsonb -> 'fields')::text, a.consent::text, null::text, e.id
                        from evidence_entry e join application a on a.id = e.application_id
                        where a.subject_key = ? and e.kind in ('PULL', 'PUSH') and e.detail is not null
                          and not (e.kind = 'PULL' and e.party like '%@%')
                          and (?::text is null or a.submitted_by = ?)
                        union all
                        select e.kind, e.recorded_at, e.application_id, a.bundle_id, split_part(e.party, '/', 1),
                               split_part(e.party, '/', 2), '', null, (e.detail::jsonb ->> 'found')::boolean,
                               (e.detail::jsonb -> 'fields')::text, a.consent::text, p.legal_basis, e.id
                        from application_party p join application a on a.id = p.application_id
                             join evidence_entry e on e.application_id = p.application_id
                        where p.subject_key = ? and e.kind = 'PULL' and e.party like '%@' || p.party
                          and (?::text is null or a.submitted_by = ?)
                        union all
                        select e.kind, e.recorded_at, null::uuid, null::text, e.party, null::text, coalesce(e.item, ''),
                               null::text, null::boolean, (e.detail::jsonb -> 'fields')::text, null::text, null::text, e.id
                        from subject_read r join evidence_entry e on e.event_key = r.event_key
                        where r.subject_key = ? and e.kind = 'READ'
                          and (?::text is null or e.party = ? or e.party like 'operator:%')
                    ) accesses
                    order by at desc, n desc limit ?) newest
                order by 2, 13""",
                (rs, n) -> {
                    UUID application = rs.getObject(3, UUID.class);
                    if (application == null) {
                        // A read of the subject's archive: by whom (connector: the channel or operator), and what.
                        return new AccessLogEntry(rs.getString(1), rs.getTimestamp(2).toInstant(), null, null,
                                rs.getString(5), null, blankToNull(rs.getString(7)), null, null, read(rs.getString(10)), null);
                    }
                    String sealedConsent = rs.getString(11);
                    // The consent is sealed at rest: opened once per application of the log.
                    Map<String, Object> consent = consents.computeIfAbsent(application,
                            id -> applications.opened(ApplicationStore.CONSENT, id, sealedConsent));
                    String legalBasis = rs.getString(12);
                    return new AccessLogEntry(rs.getString(1), rs.getTimestamp(2).toInstant(), application,
                            rs.getString(4), rs.getString(5), blankToNull(rs.getString(6)), blankToNull(rs.getString(7)),
                            rs.getString(8), (Boolean) rs.getObject(9), read(rs.getString(10)), new AccessLogEntry.Consent(
                            legalBasis != null ? legalBasis : text(consent.get("purpose")), text(consent.get("givenAt"))));
                }, subjectKey, submittedBy,
                submittedBy, subjectKey, submittedBy, submittedBy, subjectKey, submittedBy, submittedBy,
                subjectKey, submittedBy, submittedBy, LIMIT);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored field names are unreadable", e);
        }
    }
}
