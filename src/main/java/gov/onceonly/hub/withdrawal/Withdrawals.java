package gov.onceonly.hub.withdrawal;

import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application withdrawn by its applicant's channel, in one transaction under the application's row lock: the items
 * not sent yet are CANCELLED (never sent); the items a department has, or may have (a delivery attempted but not
 * acknowledged), are WITHDRAWING, and a withdrawal notice is due to their targets (TargetNotices sends it); items
 * already decided stay as they are. Withdrawing again is answered with what the first withdrawal did.
 */
public class Withdrawals {

    /** What a withdrawal did: the application's status after it, the items cancelled and those being withdrawn. */
    public record Outcome(UUID applicationId, ApplicationStatus status, List<String> cancelled, List<String> withdrawing,
                          boolean repeated) {
    }

    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);
    /** A withdrawal cancellation's reason in the ledger. */
    static final String LEDGER_REASON = "the applicant withdrew the application";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationStore store;
    private final EvidenceRecorder evidence;

    public Withdrawals(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store, EvidenceRecorder evidence) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.evidence = evidence;
    }

    /**
     * @param channel the channel that submitted the application (the caller checked it)
     * @param body    the request's exact bytes, for the evidence
     * @throws WithdrawalRefusedException if the application is already completed
     */
    public Outcome withdraw(UUID applicationId, String reason, String channel, byte[] body) {
        return tx.execute(status -> {
            Map<String, Object> application = jdbc.queryForMap(
                    "select status, withdrawn_at is not null as withdrawn from application where id = ? for update",
                    applicationId);
            if (Boolean.TRUE.equals(application.get("withdrawn"))) {
                return new Outcome(applicationId, ApplicationStatus.valueOf((String) application.get("status")),
                        itemsIn(applicationId, "CANCELLED"), itemsIn(applicationId, "WITHDRAWING", "WITHDRAWN"), true);
            }
            if (ApplicationStatus.valueOf((String) application.get("status")) == ApplicationStatus.COMPLETED) {
                throw new WithdrawalRefusedException(applicationId);
            }
            String because = "the applicant withdrew the application: " + reason;
            jdbc.update("""
                    update application set withdrawn_at = now(), withdrawal_reason = ?, next_collect_at = null,
                           attention_reason = null, updated_at = now() where id = ?""", reason, applicationId);
            // A department may have an item whose delivery was attempted: its answer may be what got lost.
            List<String> withdrawing = jdbc.queryForList("""
                    update application_item set status = 'WITHDRAWING', next_delivery_at = null, updated_at = now()
                    where application_id = ? and (status in ('DELIVERED', 'ACCEPTED', 'IN_PROGRESS')
                                                  or status in ('PENDING', 'PARKED') and attempts > 0)
                    returning item_id""", String.class, applicationId);
            List<String> cancelled = jdbc.queryForList("""
                    update application_item set status = 'CANCELLED', reason = ?, next_delivery_at = null, updated_at = now()
                    where application_id = ? and status in ('PENDING', 'PARKED', 'WAITING', 'NEEDS_MATERIALS')
                    returning item_id""", String.class, because, applicationId);
            store.queueWithdrawalNotices(applicationId, withdrawing);
            // The ledger cannot forget: it keeps why, not the applicant's own words (those stay on the item, erasable).
            Map<String, String> reasons = new LinkedHashMap<>();
            cancelled.stream().sorted().forEach(item -> reasons.put(item, LEDGER_REASON));
            evidence.withdrawn(applicationId, channel, body, cancelled.stream().sorted().toList(),
                    withdrawing.stream().sorted().toList());
            evidence.cancelled(applicationId, reasons);
            ApplicationStatus after = store.refreshStatus(applicationId, true); // its row is locked above
            log.info("Application {} withdrawn by {}: {} cancelled, {} to withdraw at their departments", applicationId,
                    channel, cancelled.size(), withdrawing.size());
            return new Outcome(applicationId, after, cancelled.stream().sorted().toList(),
                    withdrawing.stream().sorted().toList(), false);
        });
    }

    private List<String> itemsIn(UUID applicationId, String... statuses) {
        return jdbc.queryForList("select item_id from application_item where application_id = ? and status = any(?) order by item_id",
                String.class, applicationId, statuses);
    }
}
