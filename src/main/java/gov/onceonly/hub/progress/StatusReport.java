package gov.onceonly.hub.progress;

/**
 * A department's report on one item, as it arrives over either channel. Over REST the application and item
 * come from the path (the body may repeat them); on the status topic the message names them. Everything is
 * text here, so that a bad value is answered 422 naming the field, not a parse error.
 *
 * @param status        ACCEPTED, IN_PROGRESS, DONE or REJECTED
 * @param at            when it happened at the department (ISO-8601 with offset); the hub's receipt time if absent
 * @param result        the decision, for DONE
 * @param certificateNo the certificate issued, for DONE
 * @param reason        why it was sent back, required for REJECTED
 * @param eventId       the department's own id of this report, if it has one: a second report with it is a repeat
 * @param outputs       for DONE, the outputs the item was decided with (a credit code, a decision date), by the
 *                      names the mapping declares for the item; later items of the application take them
 */
public record StatusReport(String applicationId, String item, String status, String at, String result,
                           String certificateNo, String reason, String eventId, java.util.Map<String, Object> outputs) {

    public StatusReport(String applicationId, String item, String status, String at, String result,
                        String certificateNo, String reason, String eventId) {
        this(applicationId, item, status, at, result, certificateNo, reason, eventId, null);
    }
}
