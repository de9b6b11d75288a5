package gov.onceonly.hub.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.pipeline.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
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
 * Target notices (route {@code target-notices}): messages to a department's target that are not an item's record, sent
 * when due and retried with the delivery backoff until the target acknowledges them. A withdrawal notice names the item
 * by its idempotency key and says why; a certificate carries what the library keeps (its payload, sealed at rest).
 * Each is queued in the transaction of what caused it, so none is lost: a withdrawal notice with the item's move
 * to WITHDRAWING ({@code ApplicationStore.queueWithdrawalNotices}), a certificate with the DONE report.
 */
public class TargetNotices {

    /** The column of a notice's sealed payload, for the cipher's associated data and the resealer. */
    public static final String PAYLOAD = "target_notice.payload";
    private static final Logger log = LoggerFactory.getLogger(TargetNotices.class);
    private static final int BATCH = 50;
    /** A notice being sent is not due again for this long, so two hubs do not both send it. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private record Due(UUID applicationId, String bundle, String itemId, NoticeKind kind, String department,
                       String target, String payload, String reason, Instant withdrawnAt, int attempts) {

        String idempotencyKey() {
            return applicationId + ":" + itemId;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DepartmentCalls calls;
    private final EvidenceRecorder evidence;
    private final ApplicationStore store;
    private final ObjectMapper json;
    private final Backoff backoff;

    public TargetNotices(JdbcTemplate jdbc, TransactionTemplate tx, DepartmentCalls calls, EvidenceRecorder evidence,
                         ApplicationStore store, ObjectMapper json, Backoff backoff) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.calls = calls;
        this.evidence = evidence;
        this.store = store;
        this.json = json;
        this.backoff = backoff;
    }

    /** Queues a certificate for the library's intake target, due now; {@code certificate} is what the library keeps. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queueCertificate(UUID applicationId, String itemId, String target, Map<String, Object> certificate) {
        jdbc.update("""
                insert into target_notice (application_id, item_id, kind, target_id, payload, due_at)
                values (?, ?, 'CERTIFICATE', ?, ?::jsonb, now()) on conflict do nothing""", applicationId, itemId, target,
                store.sealed(PAYLOAD, applicationId + ":" + itemId + ":" + NoticeKind.CERTIFICATE.name(), certificate));
    }

    /** Sends the notices that are due; returns how many their targets acknowledged. */
    public int sendDue() {
        List<Due> due = claim();
        int sent = 0;
        for (Due notice : due) {
            try {
                String envelope = envelope(notice);
                calls.push(notice.target(), notice.idempotencyKey() + ":" + notice.kind().type(), envelope,
                        Map.of("applicationId", notice.applicationId().toString(), "itemId", notice.itemId()),
                        notice.attempts());
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
                    select n.application_id, a.bundle_id, n.item_id, n.kind, i.department, n.target_id, n.payload::text,
                           a.withdrawal_reason, a.withdrawn_at, n.attempts
                    from target_notice n join application a on a.id = n.application_id
                         join application_item i on i.application_id = n.application_id and i.item_id = n.item_id
                    where n.sent_at is null and n.due_at <= now()
                    order by n.due_at limit ? for update of n skip locked""",
                    (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            NoticeKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                            rs.getInt(10)), BATCH);
            due.forEach(d -> jdbc.update("""
                    update target_notice set due_at = ? where application_id = ? and item_id = ? and kind = ?""",
                    Timestamp.from(Instant.now().plus(LEASE)), d.applicationId(), d.itemId(), d.kind().name()));
            return due;
        });
    }

    private void delivered(Due notice, String envelope) {
        tx.executeWithoutResult(status -> {
            jdbc.update("""
                    update target_notice set sent_at = now(), due_at = null, attempts = attempts + 1, last_error = null
                    where application_id = ? and item_id = ? and kind = ?""",
                    notice.applicationId(), notice.itemId(), notice.kind().name());
            evidence.noticed(notice.applicationId(), notice.kind().type(), new EvidenceRecorder.Push(notice.itemId(),
                    notice.target(), notice.department(), fields(notice), envelope.getBytes(StandardCharsets.UTF_8)));
        });
        log.info("{} notice for {} delivered to {}", notice.kind(), notice.idempotencyKey(), notice.target());
    }

    private void failed(Due notice, String error) {
        int attempts = notice.attempts() + 1;
        jdbc.update("""
                update target_notice set attempts = ?, due_at = ?, last_error = ?
                where application_id = ? and item_id = ? and kind = ?""", attempts,
                Timestamp.from(Instant.now().plus(backoff.after(attempts))),
                error.length() > 1000 ? error.substring(0, 1000) : error, notice.applicationId(), notice.itemId(),
                notice.kind().name());
        log.info("{} notice for {} to {} failed (attempt {}), will retry: {}", notice.kind(), notice.idempotencyKey(),
                notice.target(), attempts, error);
    }

    /** The field names a certificate carries, for the access log; a withdrawal notice carries none. */
    @SuppressWarnings("unchecked")
    private List<String> fields(Due notice) {
        if (notice.kind() != NoticeKind.CERTIFICATE) {
            return List.of();
        }
        Object fields = opened(notice).get("fields");
        return fields instanceof Map<?, ?> map ? List.copyOf((java.util.Set<String>) map.keySet()) : List.of();
    }

    private Map<String, Object> opened(Due notice) {
        return store.opened(PAYLOAD, notice.idempotencyKey() + ":" + notice.kind().name(), notice.payload());
    }

    private String envelope(Due notice) throws JsonProcessingException {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", notice.kind().type());
        envelope.put("idempotencyKey", notice.idempotencyKey());
        envelope.put("applicationId", notice.applicationId().toString());
        envelope.put("bundle", notice.bundle());
        envelope.put("item", notice.itemId());
        envelope.put("department", notice.department());
        if (notice.kind() == NoticeKind.WITHDRAWAL) {
            envelope.put("withdrawnAt", String.valueOf(notice.withdrawnAt()));
            envelope.put("reason", notice.reason());
        } else {
            envelope.putAll(opened(notice));
        }
        return json.writeValueAsString(envelope);
    }
}
