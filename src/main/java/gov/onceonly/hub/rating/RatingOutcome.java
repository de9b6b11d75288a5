package gov.onceonly.hub.rating;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rating as stored: the levels, when, and the rectification cases its 差评 opened (none for a good rating). The
 * comment is not repeated: the channel sent it.
 */
public record RatingOutcome(UUID applicationId, String level, Map<String, String> items, OffsetDateTime ratedAt,
                            List<OpenedCase> cases) {

    /** A rectification case opened for a department, due by {@code dueAt}; {@code item} null for the application's. */
    public record OpenedCase(UUID id, String department, String item, OffsetDateTime dueAt) {
    }
}
