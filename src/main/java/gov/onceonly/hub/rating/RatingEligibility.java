package gov.onceonly.hub.rating;

import gov.onceonly.hub.application.ApplicationStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * When an application may be rated: once it is completed (every item decided, cancelled or not applicable,
 * {@link ApplicationStatus#COMPLETED}), or once some item is past its time limit (承诺时限) undecided, so that an
 * applicant kept waiting can say so before the end. A withdrawn application is not rated.
 */
public class RatingEligibility {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RatingEligibility(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the application, in that status, may be rated now. */
    public boolean mayRate(UUID applicationId, ApplicationStatus status) {
        if (status == ApplicationStatus.WITHDRAWING || status == ApplicationStatus.WITHDRAWN) {
            return false;
        }
        return completed(status) || someItemPastItsTimeLimit(applicationId);
    }

    static boolean completed(ApplicationStatus status) {
        return status == ApplicationStatus.COMPLETED;
    }

    /** Whether some item of the application is past its due date (supervision's clock) and not decided yet. */
    boolean someItemPastItsTimeLimit(UUID applicationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from application_item where application_id = ? and due_at < ?
                               and decided_at is null)""", Boolean.class, applicationId, Timestamp.from(clock.instant())));
    }
}
