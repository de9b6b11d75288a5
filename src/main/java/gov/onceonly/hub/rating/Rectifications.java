package gov.onceonly.hub.rating;

import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.security.PayloadCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Rectification cases after their opening (Ratings): listed for their department, answered by it (OPEN to
 * ANSWERED), and closed by the applicant's callback (回访) through the channel or the operator (ANSWERED to CLOSED).
 * Each step in one transaction under the case's row lock, with its ledger entry; the free texts sealed.
 */
public class Rectifications {

    /** The sealed columns, each bound to its case's id. */
    public static final String ANSWER = "rectification_case.answer";
    public static final String CALLBACK_NOTE = "rectification_case.callback_note";

    /** The result of a callback (回访): whether the applicant is satisfied with the rectification. */
    public enum CallbackResult { satisfied, unsatisfied }

    private static final Logger log = LoggerFactory.getLogger(Rectifications.class);
    private static final String SELECT = """
            select c.id, c.application_id, c.item_id, c.department, c.level, r.comment, c.status, c.opened_at, c.due_at,
                   c.answer, c.answered_at, c.callback_result, c.callback_note, c.closed_at
            from rectification_case c join application_rating r on r.application_id = c.application_id
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PayloadCipher cipher;
    private final EvidenceRecorder evidence;
    private final Clock clock;

    public Rectifications(JdbcTemplate jdbc, TransactionTemplate tx, PayloadCipher cipher, EvidenceRecorder evidence,
                          Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** A department's cases (null: every department's, for the operator), in a status or all, oldest first. */
    public List<RectificationCase> list(String department, RectificationCase.Status status) {
        return jdbc.query(SELECT + """
                where (?::text is null or c.department = ?) and (?::text is null or c.status = ?)
                order by c.opened_at, c.id limit 500""", this::row,
                department, department, status == null ? null : status.name(), status == null ? null : status.name());
    }

    /**
     * The department's answer: the case must be its own (404 as for an unknown case otherwise) and OPEN.
     *
     * @param body the request's exact bytes, for the evidence
     */
    public RectificationCase answer(UUID caseId, String department, String client, String answer, byte[] body) {
        return tx.execute(status -> {
            RectificationCase c = locked(caseId, found -> found.department().equals(department));
            if (c.status() != RectificationCase.Status.OPEN) {
                throw new RatingConflictException("id", "open", "case " + caseId + " is " + c.status()
                        + ": a case is answered once");
            }
            Instant now = now();
            jdbc.update("""
                    update rectification_case set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ? where id = ?""",
                    cipher.seal(ANSWER + "|" + caseId, answer), client, Timestamp.from(now), caseId);
            evidence.rectification(c.applicationId(), c.item(), client, caseId, "answered", body,
                    Map.of("department", department));
            log.info("Rectification case {} of application {} answered by {}", caseId, c.applicationId(), department);
            return find(caseId);
        });
    }

    /**
     * The applicant's callback (回访), which closes an ANSWERED case, whatever its result.
     *
     * @param mayCall whether the caller may call back on that case (the submitting channel, or the operator); the
     *                answer is 404 as for an unknown case when not
     * @param party   the channel's key or the operator's name, for the case and the evidence
     */
    public RectificationCase callback(UUID caseId, Predicate<RectificationCase> mayCall, String party,
                                      CallbackResult result, String note, byte[] body) {
        return tx.execute(status -> {
            RectificationCase c = locked(caseId, mayCall);
            if (c.status() != RectificationCase.Status.ANSWERED) {
                throw new RatingConflictException("id", "answered", "case " + caseId + " is " + c.status()
                        + ": the callback follows the department's answer, once");
            }
            jdbc.update("""
                    update rectification_case set status = 'CLOSED', callback_result = ?, callback_note = ?, callback_by = ?,
                           closed_at = ? where id = ?""",
                    result.name(), note == null ? null : cipher.seal(CALLBACK_NOTE + "|" + caseId, note), party,
                    Timestamp.from(now()), caseId);
            evidence.rectification(c.applicationId(), c.item(), party, caseId, "closed", body,
                    Map.of("department", c.department(), "result", result.name()));
            log.info("Rectification case {} of application {} closed by {}'s callback: {}", caseId, c.applicationId(),
                    party, result);
            return find(caseId);
        });
    }

    /** The channel that submitted the case's application. */
    public String submitter(RectificationCase c) {
        return jdbc.queryForObject("select submitted_by from application where id = ?", String.class, c.applicationId());
    }

    private RectificationCase locked(UUID caseId, Predicate<RectificationCase> visible) {
        List<UUID> locked = jdbc.queryForList("select id from rectification_case where id = ? for update", UUID.class, caseId);
        RectificationCase c = locked.isEmpty() ? null : find(caseId);
        if (c == null || !visible.test(c)) {
            throw unknown(caseId);
        }
        return c;
    }

    private RectificationCase find(UUID caseId) {
        return jdbc.query(SELECT + " where c.id = ?", this::row, caseId).stream().findFirst().orElse(null);
    }

    /** The 404 of an unknown case, which is also the answer for a case the caller may not see. */
    static RuntimeException unknown(UUID caseId) {
        return CallerProblems.notFound("id", "no rectification case " + caseId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private RectificationCase row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        UUID application = rs.getObject(2, UUID.class);
        return new RectificationCase(id, application, rs.getString(3), rs.getString(4), rs.getString(5),
                opened(Ratings.COMMENT + "|" + application, rs.getString(6)),
                RectificationCase.Status.valueOf(rs.getString(7)), at(rs, 8), at(rs, 9),
                opened(ANSWER + "|" + id, rs.getString(10)), at(rs, 11), rs.getString(12),
                opened(CALLBACK_NOTE + "|" + id, rs.getString(13)), at(rs, 14));
    }

    private String opened(String context, String stored) {
        return stored == null ? null : cipher.open(context, stored);
    }

    private static OffsetDateTime at(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : Ratings.at(at.toInstant());
    }
}
