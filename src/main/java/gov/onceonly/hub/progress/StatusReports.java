package gov.onceonly.hub.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemOutputs;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.notice.TargetNotices;
import gov.onceonly.hub.intake.NulCharacters;
import gov.onceonly.hub.progress.ItemProgress.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Department reports in PostgreSQL. A report is decided under the item's row lock, so two reports of one item
 * (two channels, two hubs) are decided one after the other against what the first one left; the item, its
 * event and the application's status change in one transaction.
 */
public class StatusReports {

    private static final Logger log = LoggerFactory.getLogger(StatusReports.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationStore applications;
    private final ObjectMapper json;
    private final EvidenceRecorder evidence;
    private final TargetNotices notices;
    private final ProgressListener listener;

    public StatusReports(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore applications, ObjectMapper json,
                         EvidenceRecorder evidence, TargetNotices notices, ProgressListener listener) {
        this.evidence = evidence;
        this.listener = listener;
        this.notices = notices;
        this.jdbc = jdbc;
        this.tx = tx;
        this.applications = applications;
        this.json = json;
    }

    /** Applies a report from the status topic, on any item (the broker's ACLs say who may publish there). */
    public ItemState apply(ItemEvent event, String party, byte[] payload) {
        return apply(event, null, party, payload);
    }

    /**
     * Applies a report, or throws {@link StatusReportException} with nothing written. An accepted report (applied,
     * stale or repeated) leaves its evidence: who sent it ({@code party}) and the exact bytes received. Given a
     * department, only its own items may be reported on: an application with no item of that department, and another
     * department's item, are answered as unknown, so the answer does not reveal that they exist.
     */
    public ItemState apply(ItemEvent event, String department, String party, byte[] payload) {
        return tx.execute(status -> {
            ItemState state = applyOnce(event, department);
            evidence.reported(event.applicationId(), event.item(), party, payload);
            return state;
        });
    }

    private ItemState applyOnce(ItemEvent event, String department) {
        boolean known = department == null
                ? Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from application where id = ?)",
                        Boolean.class, event.applicationId()))
                : Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from application_item where application_id = ? and department = ?)",
                        Boolean.class, event.applicationId(), department));
        if (!known) {
            throw new StatusReportException(StatusReportException.Problem.UNKNOWN_APPLICATION,
                    "no application " + event.applicationId(),
                    List.of(new FieldViolation("applicationId", "known-application", "is not an application of this hub")));
        }
        // The application's row before the item's, as a delivery and a withdrawal take them: no two wait on each other.
        boolean withdrawn = applications.lock(event.applicationId());
        ItemProgress.Current current = jdbc.query("""
                select status, result, certificate_no, reason from application_item
                where application_id = ? and item_id = ? and (?::text is null or department = ?) for update""",
                (rs, n) -> new ItemProgress.Current(ItemStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4)), event.applicationId(), event.item(), department, department)
                .stream().findFirst()
                .orElseThrow(() -> new StatusReportException(StatusReportException.Problem.UNKNOWN_ITEM,
                        "application " + event.applicationId() + " has no item '" + event.item() + "'",
                        List.of(new FieldViolation("item", "known-item", "is not an item of this application"))));
        if (ItemProgress.provesDelivery(current.status())) {
            recordDelivered(event, current.status(), withdrawn);
        }
        Decision decision = ItemProgress.decide(current, event.status(), event.result(), event.certificateNo(),
                event.reason(), seenBefore(event));
        switch (decision.verdict()) {
            case NOT_DELIVERED -> throw new StatusReportException(StatusReportException.Problem.NOT_DELIVERED,
                    decision.why(), List.of(new FieldViolation("status", "item-delivered", decision.why())));
            case CONFLICT -> throw new StatusReportException(StatusReportException.Problem.CONFLICT,
                    decision.why(), List.of(new FieldViolation("status", "decision-final", decision.why())));
            case DUPLICATE -> {
                return state(event, ItemState.Outcome.DUPLICATE, decision.why());
            }
            case STALE -> {
                record(event, false, decision.why(), Map.of());
                return state(event, ItemState.Outcome.IGNORED, decision.why());
            }
            case APPLY -> {
                jdbc.update("""
                        update application_item set status = ?, dept_status = ?, dept_status_at = ?,
                               result = coalesce(?, result), certificate_no = coalesce(?, certificate_no),
                               reason = coalesce(?, reason), updated_at = now()
                        where application_id = ? and item_id = ?""",
                        event.status().name(), event.status().name(), Timestamp.from(event.at()), event.result(),
                        event.certificateNo(), event.reason(), event.applicationId(), event.item());
                // Supervision: the item's time limit runs from its acceptance; a late decision is recorded late.
                listener.applied(event.applicationId(), event.item(), event.status(), event.receivedAt());
                Map<String, String> refused = event.status() == ItemStatus.DONE ? keepOutputs(event) : Map.of();
                record(event, true, null, refused);
                // After the outputs are kept: an item released now takes them.
                applications.refreshStatus(event.applicationId(), withdrawn);
                return state(event, ItemState.Outcome.APPLIED, refused.isEmpty() ? decision.why()
                        : join(decision.why(), "outputs not kept: " + refused));
            }
            default -> throw new IllegalStateException("unhandled verdict " + decision.verdict());
        }
    }

    /**
     * The department reports on an item the hub still counts as PENDING or PARKED: it has the item, whatever the
     * hub recorded of its answer. The item is DELIVERED from now, and its next attempt is cancelled (a queued
     * message finds it no longer PENDING and sends nothing); the report is then applied to it as to any other.
     */
    private void recordDelivered(ItemEvent event, ItemStatus was, boolean withdrawn) {
        jdbc.update("""
                update application_item set status = 'DELIVERED', delivered_at = coalesce(delivered_at, now()),
                       next_delivery_at = null, last_error = null, updated_at = now()
                where application_id = ? and item_id = ?""", event.applicationId(), event.item());
        applications.refreshStatus(event.applicationId(), withdrawn);
        log.info("Item {} of {} was {}; its department's report {} proves its delivery", event.item(),
                event.applicationId(), was, event.status());
    }

    /** The report's event id is in the item's log, or, without one, an event of the same status is. */
    private boolean seenBefore(ItemEvent event) {
        Boolean seen = event.eventId() != null
                ? jdbc.queryForObject("select exists (select 1 from item_event where application_id = ? and item_id = ? and event_id = ?)",
                        Boolean.class, event.applicationId(), event.item(), event.eventId())
                : jdbc.queryForObject("select exists (select 1 from item_event where application_id = ? and item_id = ? and status = ?)",
                        Boolean.class, event.applicationId(), event.item(), event.status().name());
        return Boolean.TRUE.equals(seen);
    }

    /** Keeps the declared, well-formed outputs of a DONE report with the item; returns those refused, with why. */
    private Map<String, String> keepOutputs(ItemEvent event) {
        ItemOutputs.Declared declared = applications.declaredOutputs(event.applicationId(), event.item());
        ReportedOutputs.Checked checked = ReportedOutputs.check(declared.patterns(), event.outputs(), event.certificateNo());
        if (!checked.kept().isEmpty()) {
            applications.saveOutputs(event.applicationId(), event.item(), checked.kept());
        }
        if (!checked.refused().isEmpty()) {
            log.warn("Item {} of {} is DONE, but its department's outputs {} were not kept: {}", event.item(),
                    event.applicationId(), checked.refused().keySet(), checked.refused());
        }
        if (!declared.archive().isEmpty()) {
            archive(event, declared.archive(), checked.kept());
        }
        return checked.refused();
    }

    /**
     * 归集: a certificate the item was decided with goes to the library's intake, for the applicant's next application
     * to find; queued in this transaction, so it is sent even if the hub stops right after.
     */
    private void archive(ItemEvent event, Map<String, String> archive, Map<String, Object> outputs) {
        if (outputs.isEmpty()) {
            log.warn("Item {} of {} is DONE without an output to make its certificate of: nothing goes to the library",
                    event.item(), event.applicationId());
            return;
        }
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("certificate", archive.get("certificate"));
        certificate.put("holder", jdbc.queryForObject("select subject_key from application where id = ?", String.class,
                event.applicationId()));
        certificate.put("decidedAt", event.at().toString());
        certificate.put("fields", outputs);
        notices.queueCertificate(event.applicationId(), event.item(), archive.get("target"), certificate);
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
    }

    private void record(ItemEvent event, boolean applied, String ignoredBecause, Map<String, String> outputsRefused) {
        Map<String, Object> details = new LinkedHashMap<>(event.details());
        if (ignoredBecause != null) {
            details.put("ignored", ignoredBecause);
        }
        if (!outputsRefused.isEmpty()) {
            details.put("outputsRefused", outputsRefused);
        }
        jdbc.update("""
                insert into item_event (application_id, item_id, status, at, received_at, source, event_id, details, applied)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""",
                event.applicationId(), event.item(), event.status().name(), Timestamp.from(event.at()),
                Timestamp.from(event.receivedAt()), event.source().name(), event.eventId(),
                applications.sealed(ApplicationStore.EVENT_DETAILS, event.applicationId() + ":" + event.item(), details),
                applied);
    }

    private ItemState state(ItemEvent event, ItemState.Outcome outcome, String note) {
        UUID id = event.applicationId();
        return jdbc.queryForObject("""
                select i.status, i.dept_status, i.dept_status_at, i.result, i.certificate_no, i.reason, a.status
                from application_item i join application a on a.id = i.application_id
                where i.application_id = ? and i.item_id = ?""",
                (rs, n) -> {
                    Timestamp at = rs.getTimestamp(3);
                    return new ItemState(id, event.item(), outcome, note, ItemStatus.valueOf(rs.getString(1)),
                            rs.getString(2) == null ? null : ItemStatus.valueOf(rs.getString(2)),
                            at == null ? null : at.toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                            ApplicationStatus.valueOf(rs.getString(7)), "/api/v1/applications/" + id);
                }, id, event.item());
    }

    /**
     * A status message from the topic that could not be accepted, kept for operators. A redelivery is kept once.
     * Its texts lose any U+0000: PostgreSQL refuses the character, and a message it cannot keep would be read
     * again forever, holding up its partition.
     */
    public void keepRejected(RejectedReport rejected) {
        List<FieldViolation> errors = rejected.errors().stream().map(v -> new FieldViolation(
                NulCharacters.without(v.field()), v.rule(), NulCharacters.without(v.message()))).toList();
        jdbc.update("""
                insert into rejected_status_report (received_at, topic, kafka_partition, kafka_offset, message_key, payload,
                                                    problem, detail, errors)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (topic, kafka_partition, kafka_offset) do nothing""",
                Timestamp.from(rejected.receivedAt()), rejected.topic(), rejected.partition(), rejected.offset(),
                NulCharacters.without(rejected.key()), sealedRejected(rejected), rejected.problem(),
                NulCharacters.without(rejected.detail()), write(errors));
    }

    /**
     * A refused message may carry anything a department sent, numbers masked or not: sealed, bound to its topic
     * position, and read back by an operator through {@code GET /api/v1/ops/rejected-status-reports}.
     */
    private String sealedRejected(RejectedReport rejected) {
        return applications.sealedText(ApplicationStore.REJECTED_PAYLOAD, rejected.topic() + ":" + rejected.partition() + ":"
                + rejected.offset(), NulCharacters.without(rejected.payload()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
