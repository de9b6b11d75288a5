package gov.onceonly.hub.rating;

import gov.onceonly.hub.application.ApplicationAccess;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.InvalidApplicationException;
import gov.onceonly.hub.intake.NulCharacters;
import gov.onceonly.hub.intake.RequestConstraints;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/applications/{id}/rating}: the applicant rates the application (好差评) through the channel that
 * submitted it, once, when it is completed or an item is past its time limit. A 差评 opens rectification cases.
 */
@RestController
public class RatingController {

    private final Ratings ratings;
    private final ApplicationAccess access;
    private final RequestConstraints constraints;
    private final int maxCommentChars;

    public RatingController(Ratings ratings, ApplicationAccess access, RequestConstraints constraints,
                            RatingProperties properties) {
        this.ratings = ratings;
        this.access = access;
        this.constraints = constraints;
        this.maxCommentChars = properties.maxCommentChars();
    }

    /** Only the channel that submitted the application rates it (another channel: 404, as for an unknown one). */
    @Operation(summary = "Rate a completed application and, optionally, its items (好差评)")
    @PostMapping("/api/v1/applications/{id}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    public RatingOutcome rate(@PathVariable UUID id, @RequestBody RatingRequest request,
                              @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false) RegisteredClient caller,
                              HttpServletRequest http) throws IOException {
        access.requireSubmitter(caller, id);
        RatingRequest body = request == null ? new RatingRequest(null, null, null) : request;
        List<FieldViolation> violations = new ArrayList<>(constraints.of(body));
        RatingLevel level = null;
        if (body.level() != null && !body.level().isBlank()) {
            level = level("level", body.level(), violations);
        }
        Map<String, RatingLevel> items = new LinkedHashMap<>();
        body.itemsOrNone().forEach((item, label) -> items.put(item, level("items." + NulCharacters.without(item), label, violations)));
        String comment = comment("comment", body.comment(), maxCommentChars, violations);
        if (!violations.isEmpty()) {
            throw new InvalidApplicationException(violations);
        }
        try {
            return ratings.rate(id, caller.key(), level, items, comment, http.getInputStream().readAllBytes());
        } catch (RatingConflictException e) {
            throw e.problem();
        }
    }

    private static RatingLevel level(String field, String label, List<FieldViolation> violations) {
        return RatingLevel.of(label).orElseGet(() -> {
            violations.add(new FieldViolation(field, "level", "must be one of " + String.join(", ", RatingLevel.labels())));
            return null;
        });
    }

    /** Free text within its limit as sent, then as plain text (FreeText); null if none is left. */
    static String comment(String field, String text, int max, List<FieldViolation> violations) {
        if (text != null && text.codePointCount(0, text.length()) > max) {
            violations.add(new FieldViolation(field, "maxLength", "must be at most " + max + " characters"));
            return null;
        }
        return FreeText.plain(text);
    }
}
