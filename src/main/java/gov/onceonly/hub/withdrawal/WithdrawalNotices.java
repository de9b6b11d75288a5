package gov.onceonly.hub.withdrawal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.pipeline.Backoff;
import gov.onceonly.hub.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Withdrawal notices to the targets of the items being withdrawn, sent when due (route {@code withdrawal-notices}).
 * A notice names the item by its idempotency key (application id and item id) and says why; it travels under its own
 * transport key ({@code <idempotency key>:withdrawal}), so that a target that keeps records by key does not take it
 * for a repeat of the record. A notice that fails is tried again after a backoff, as a delivery is; the department
 * answers with a status report (WITHDRAWN, or its decision if it was made first).
 */
public class WithdrawalNotices {

    /** The suffix of a notice's transport key. */
    public static final String KEY_SUFFIX = ":withdrawal";
    private static final Logger log = LoggerFactory.getLogger(WithdrawalNotices.class);
    private static final int BATCH = 50;
    /** A notice being sent is not due again for this long, so two hubs do not both send it. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private record Due(UUID applicationId, String bundle, String itemId, String department, String target,
                       String reason, Instant withdrawnAt, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DepartmentCalls calls;
    private final EvidenceRecorder evidence;
    private final ObjectMapper json;
    private final Backoff backoff;

    public WithdrawalNotices(JdbcTemplate jdbc, TransactionTemplate tx, DepartmentCalls calls, EvidenceRecorder evidence,
                             ObjectMapper json, Backoff backoff) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.calls = calls;
        this.evidence = evidence;
        this.json = json;
        this.backoff = backoff;
    }

    /** Sends the notices that are due; returns how many were delivered. */
    public int sendDue() {
        List<Due> due = claim();
        int sent = 0;
        for (Due notice : due) {
            String envelope = envelope(notice);
            try {
                calls.push(notice.target(), notice.applicationId() + ":" + notice.itemId() + KEY_SUFFIX, envelope,
                        Map.of("applicationId", notice.applicationId().toString(), "itemId", notice.itemId()),
                        notice.attempts(), TraceParent.newTrace());
                delivered(notice, envelope);
                sent++;
            } catch (Exception e) {
                failed(notice, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return sent;
    }

    /** The due notices, each leased for a while: another hub, or this one's next poll, leaves it alone meanwhile. */
    private List<Due> claim() {
        return tx.execute(status -> {
            List<Due> due = jdbc.query("""
                    select i.application_id, a.bundle_id, i.item_id, i.department, i.target_id, a.withdrawal_reason,
                           a.withdrawn_at, i.notice_attempts
                    from application_item i join application a on a.id = i.application_id
                    where i.status = 'WITHDRAWING' and i.notice_sent_at is null and i.notice_due_at <= now()
                    order by i.notice_due_at limit ? for update of i skip locked""",
                    (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getInt(8)), BATCH);
            due.forEach(d -> jdbc.update("""
                    update application_item set notice_due_at = ? where application_id = ? and item_id = ?""",
                    Timestamp.from(Instant.now().plus(LEASE)), d.applicationId(), d.itemId()));
            return due;
        });
    }

    private void delivered(Due notice, String envelope) {
        tx.executeWithoutResult(status -> {
            jdbc.update("""
                    update application_item set notice_sent_at = now(), notice_due_at = null,
                           notice_attempts = notice_attempts + 1, updated_at = now()
                    where application_id = ? and item_id = ?""", notice.applicationId(), notice.itemId());
            evidence.noticed(notice.applicationId(), new EvidenceRecorder.Push(notice.itemId(), notice.target(),
                    notice.department(), List.of(), envelope.getBytes(StandardCharsets.UTF_8)));
        });
        log.info("Withdrawal notice for {}:{} delivered to {}", notice.applicationId(), notice.itemId(), notice.target());
    }

    private void failed(Due notice, String error) {
        int attempts = notice.attempts() + 1;
        jdbc.update("""
                update application_item set notice_attempts = ?, notice_due_at = ?, last_error = ?, updated_at = now()
                where application_id = ? and item_id = ? and status = 'WITHDRAWING'""", attempts,
                Timestamp.from(Instant.now().plus(backoff.after(attempts))),
                error.length() > 1000 ? error.substring(0, 1000) : error, notice.applicationId(), notice.itemId());
        log.info("Withdrawal notice for {}:{} to {} failed (attempt {}), will retry: {}", notice.applicationId(),
                notice.itemId(), notice.target(), attempts, error);
    }

    private String envelope(Due notice) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "withdrawal");
        envelope.put("idempotencyKey", notice.applicationId() + ":" + notice.itemId());
        envelope.put("applicationId", notice.applicationId().toString());
        envelope.put("bundle", notice.bundle());
        envelope.put("item", notice.itemId());
        envelope.put("department", notice.department());
        envelope.put("withdrawnAt", notice.withdrawnAt().toString());
        envelope.put("reason", notice.reason());
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
