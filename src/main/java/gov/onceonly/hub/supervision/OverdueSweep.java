package gov.onceonly.hub.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The periodic 督办 sweep: items whose clock runs (accepted, not decided) move DUE_SOON once their due-soon moment
 * has come and OVERDUE once their due moment has, each move once. Each move is escalated in its own transaction with
 * it: a row of {@code supervision_escalation} (unique per item and level, so a repeated or concurrent sweep announces
 * nothing twice) and an {@link Escalation} on the supervision topic through the outbox. An item the sweep first sees
 * already past its due moment goes straight to OVERDUE. Run on one instance at a time (ClusterLock).
 */
public class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String topic;
    private final Clock clock;

    public OverdueSweep(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, ObjectMapper json, String topic,
                        Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.json = json;
        this.topic = topic;
        this.clock = clock;
    }

    /** One run, at the clock's time. */
    public List<Escalation> sweep() {
        return sweep(clock.instant());
    }

    /** One run as at {@code now}; the escalations it made. */
    public List<Escalation> sweep(Instant now) {
        List<Escalation> all = new ArrayList<>();
        List<Escalation> batch;
        do {
            batch = tx.execute(status -> batch(now));
            all.addAll(batch);
        } while (batch.size() == BATCH);
        if (!all.isEmpty()) {
            log.info("Supervision: {} item(s) escalated ({} overdue)", all.size(),
                    all.stream().filter(e -> e.level().equals(Escalation.OVERDUE)).count());
        }
        return all;
    }

    private List<Escalation> batch(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Escalation> moved = jdbc.query("""
                select i.application_id, a.bundle_id, i.item_id, i.department, i.accepted_at, i.due_at, i.time_limit_days
                from application_item i join application a on a.id = i.application_id
                where i.due_at is not null and i.decided_at is null and i.status in ('ACCEPTED', 'IN_PROGRESS')
                  and ((i.due_at <= ? and i.supervision is distinct from 'OVERDUE')
                       or (i.due_soon_at <= ? and i.supervision is null))
                order by i.due_at limit ? for update of i skip locked""",
                (rs, n) -> {
                    Instant due = rs.getTimestamp(6).toInstant();
                    return new Escalation(due.isAfter(now) ? Escalation.DUE_SOON : Escalation.OVERDUE,
                            rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), due, (Integer) rs.getObject(7), now);
                }, at, at, BATCH);
        List<Outbox.Message> messages = new ArrayList<>();
        for (Escalation e : moved) {
            jdbc.update("update application_item set supervision = ? where application_id = ? and item_id = ?",
                    e.level(), e.applicationId(), e.item());
            int added = jdbc.update("""
                    insert into supervision_escalation (application_id, item_id, level, department, due_at, escalated_at)
                    values (?, ?, ?, ?, ?, ?) on conflict (application_id, item_id, level) do nothing""",
                    e.applicationId(), e.item(), e.level(), e.department(), Timestamp.from(e.dueAt()), at);
            if (added > 0) {
                messages.add(new Outbox.Message(e.applicationId() + ":" + e.item(), write(e)));
            }
        }
        outbox.appendAll(topic, messages);
        return moved;
    }

    private String write(Escalation escalation) {
        try {
            return json.writeValueAsString(escalation);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise an escalation", e);
        }
    }
}
