package gov.onceonly.hub.rating;

import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.InvalidApplicationException;
import gov.onceonly.hub.security.PayloadCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application rated by its applicant's channel (好差评), once, in one transaction under the application's row lock:
 * the rating and its item ratings, a rectification case for each department a 差评 concerns (CasesToOpen), due
 * hub.rating.rectification-days later, and their ledger entries. The comment is sealed and never logged.
 */
public class Ratings {

    /** The sealed comment's column, the cipher's associated data with the application's id. */
    public static final String COMMENT = "application_rating.comment";

    private static final Logger log = LoggerFactory.getLogger(Ratings.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RatingEligibility eligibility;
    private final PayloadCipher cipher;
    private final EvidenceRecorder evidence;
    private final Clock clock;
    private final Duration rectificationTime;

    public Ratings(JdbcTemplate jdbc, TransactionTemplate tx, RatingEligibility eligibility, PayloadCipher cipher,
                   EvidenceRecorder evidence, Clock clock, int rectificationDays) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.eligibility = eligibility;
        this.cipher = cipher;
        this.evidence = evidence;
        this.clock = clock;
        this.rectificationTime = Duration.ofDays(rectificationDays);
    }

    /**
     * @param channel the channel that submitted the application (the caller checked it)
     * @param comment the comment as plain text (FreeText), or null
     * @param body    the request's exact bytes, for the evidence
     * @throws RatingConflictException     if the application was rated already, or may not be rated yet
     * @throws InvalidApplicationException if an item rated is not one of the application's
     */
    public RatingOutcome rate(UUID applicationId, String channel, RatingLevel level, Map<String, RatingLevel> items,
                              String comment, byte[] body) {
        return tx.execute(status -> {
            ApplicationStatus current = ApplicationStatus.valueOf(jdbc.queryForObject(
                    "select status from application where id = ? for update", String.class, applicationId));
            if (Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists(select 1 from application_rating where application_id = ?)", Boolean.class, applicationId))) {
                throw new RatingConflictException("id", "rated-once", "application " + applicationId
                        + " was rated already: an application is rated once");
            }
            if (!eligibility.mayRate(applicationId, current)) {
                throw new RatingConflictException("id", "completed", "application " + applicationId + " is " + current
                        + ": it may be rated once it is completed, or once an item is past its time limit");
            }
            List<CasesToOpen.Item> stored = jdbc.query("""
                    select item_id, department, delivered_at is not null from application_item
                    where application_id = ? order by item_id""",
                    (rs, n) -> new CasesToOpen.Item(rs.getString(1), rs.getString(2), rs.getBoolean(3)), applicationId);
            requireKnown(items, stored);

            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as PostgreSQL keeps it
            jdbc.update("insert into application_rating (application_id, level, comment, rated_by, rated_at) values (?, ?, ?, ?, ?)",
                    applicationId, level.label(), comment == null ? null : cipher.seal(COMMENT + "|" + applicationId, comment),
                    channel, Timestamp.from(now));
            Map<String, String> labels = new LinkedHashMap<>();
            items.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> labels.put(e.getKey(), e.getValue().label()));
            jdbc.batchUpdate("insert into item_rating (application_id, item_id, level) values (?, ?, ?)",
                    labels.entrySet().stream().map(e -> new Object[] {applicationId, e.getKey(), e.getValue()}).toList());

            List<RatingOutcome.OpenedCase> opened = new ArrayList<>();
            Instant due = now.plus(rectificationTime);
            for (CasesToOpen.Case c : CasesToOpen.of(level, items, stored)) {
                UUID id = UUID.randomUUID();
                jdbc.update("""
                        insert into rectification_case (id, application_id, item_id, department, level, status, opened_at, due_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?)""",
                        id, applicationId, c.item(), c.department(), c.level().label(), Timestamp.from(now), Timestamp.from(due));
                opened.add(new RatingOutcome.OpenedCase(id, c.department(), c.item(), at(due)));
                evidence.rectification(applicationId, c.item(), EvidenceRecorder.HUB, id, "opened", body,
                        Map.of("department", c.department(), "dueAt", due.toString(), "level", c.level().label()));
            }
            evidence.rated(applicationId, channel, body, level.label(), labels,
                    opened.stream().map(RatingOutcome.OpenedCase::id).toList());
            log.info("Application {} rated {} by {} ({} items rated); {} rectification cases opened", applicationId,
                    level.label(), channel, labels.size(), opened.size());
            return new RatingOutcome(applicationId, level.label(), labels, at(now), opened);
        });
    }

    private static void requireKnown(Map<String, RatingLevel> items, List<CasesToOpen.Item> stored) {
        List<FieldViolation> unknown = items.keySet().stream().sorted()
                .filter(item -> stored.stream().noneMatch(s -> s.id().equals(item)))
                .map(item -> new FieldViolation("items." + item, "known", "is not an item of this application")).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidApplicationException(unknown);
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
