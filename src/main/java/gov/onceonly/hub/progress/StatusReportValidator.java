package gov.onceonly.hub.progress;

import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.NulCharacters;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every rule a status report must pass before the state rule looks at it; all violations are reported at once,
 * each naming the field and the rule. Pure: the receipt time is passed in.
 */
public final class StatusReportValidator {

    static final List<ItemStatus> REPORTABLE = List.of(ItemStatus.ACCEPTED, ItemStatus.IN_PROGRESS, ItemStatus.DONE,
            ItemStatus.REJECTED, ItemStatus.WITHDRAWN);
    /** A department's clock may run somewhat ahead of the hub's; a time further ahead is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final int MAX_OUTPUTS = 32;
    static final int MAX_OUTPUT_LENGTH = 500;
    private static final Pattern OUTPUT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private StatusReportValidator() {
    }

    /** A report posted to {@code /applications/{id}/items/{item}/status}: the path names the item. */
    public static ItemEvent validatePosted(StatusReport report, UUID applicationId, String item, Instant receivedAt) {
        List<FieldViolation> violations = new ArrayList<>();
        if (report.applicationId() != null && !report.applicationId().equalsIgnoreCase(applicationId.toString())) {
            violations.add(new FieldViolation("applicationId", "matches-path", "must be the application of the path, or absent"));
        }
        if (report.item() != null && !report.item().equals(item)) {
            violations.add(new FieldViolation("item", "matches-path", "must be the item of the path, or absent"));
        }
        return validate(report, applicationId, item, ItemEvent.Source.REST, receivedAt, violations);
    }

    /** A message from the status topic: it must name its application and item itself. */
    public static ItemEvent validateMessage(StatusReport report, Instant receivedAt) {
        List<FieldViolation> violations = new ArrayList<>();
        UUID applicationId = null;
        if (blank(report.applicationId())) {
            violations.add(new FieldViolation("applicationId", "required", "is required"));
        } else {
            try {
                applicationId = UUID.fromString(report.applicationId().trim());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("applicationId", "uuid", "must be the application's id (a UUID)"));
            }
        }
        if (blank(report.item())) {
            violations.add(new FieldViolation("item", "required", "is required"));
        }
        return validate(report, applicationId, report.item(), ItemEvent.Source.KAFKA, receivedAt, violations);
    }

    private static ItemEvent validate(StatusReport report, UUID applicationId, String item, ItemEvent.Source source,
                                      Instant receivedAt, List<FieldViolation> violations) {
        ItemStatus status = status(report.status(), violations);
        Instant at = at(report.at(), receivedAt, violations);
        String result = text("result", report.result(), 1000, violations);
        String certificateNo = text("certificateNo", report.certificateNo(), 64, violations);
        String reason = text("reason", report.reason(), 1000, violations);
        String eventId = text("eventId", report.eventId(), 128, violations);
        Map<String, Object> outputs = outputs(report.outputs(), violations);
        text("item", item, 100, violations);
        if (status == ItemStatus.REJECTED && reason == null) {
            violations.add(new FieldViolation("reason", "required-when-rejected", "is required when the status is REJECTED"));
        }
        if (status == ItemStatus.DONE && result == null && certificateNo == null) {
            violations.add(new FieldViolation("result", "required-when-done",
                    "or certificateNo is required when the status is DONE"));
        }
        if (status != null && status != ItemStatus.REJECTED && reason != null) {
            violations.add(new FieldViolation("reason", "only-when-rejected", "is only for the status REJECTED"));
        }
        if (status != null && status != ItemStatus.DONE) {
            if (result != null) {
                violations.add(new FieldViolation("result", "only-when-done", "is only for the status DONE"));
            }
            if (certificateNo != null) {
                violations.add(new FieldViolation("certificateNo", "only-when-done", "is only for the status DONE"));
            }
            if (!outputs.isEmpty()) {
                violations.add(new FieldViolation("outputs", "only-when-done", "is only for the status DONE"));
            }
        }
        if (!violations.isEmpty()) {
            throw StatusReportException.invalid(violations);
        }
        return new ItemEvent(applicationId, item.trim(), status, at, receivedAt, source, result, certificateNo, reason,
                eventId, outputs);
    }

    /**
     * Outputs are named like identifiers, and each value is a string, number or true/false of a sensible length;
     * whether the item declares them is checked against its mapping when the report is applied.
     */
    private static Map<String, Object> outputs(Map<String, Object> outputs, List<FieldViolation> violations) {
        if (outputs == null || outputs.isEmpty()) {
            return Map.of();
        }
        if (outputs.size() > MAX_OUTPUTS) {
            violations.add(new FieldViolation("outputs", "maxProperties", "must have at most " + MAX_OUTPUTS + " outputs"));
            return Map.of();
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        outputs.forEach((name, value) -> {
            String field = "outputs." + NulCharacters.without(cut(name));
            if (!OUTPUT_NAME.matcher(name).matches()) {
                violations.add(new FieldViolation(field, "name", "must be an output name: a letter, then letters, digits"
                        + " or '_', at most 64 characters"));
            } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                violations.add(new FieldViolation(field, "type", "must be a string, a number or true/false"));
            } else if (value instanceof String text && NulCharacters.in(text)) {
                violations.add(NulCharacters.violation(field));
            } else if (String.valueOf(value).length() > MAX_OUTPUT_LENGTH) {
                violations.add(new FieldViolation(field, "maxLength", "must be at most " + MAX_OUTPUT_LENGTH + " characters"));
            } else if (!String.valueOf(value).isBlank()) {
                kept.put(name, value instanceof String text ? text.trim() : value);
            }
        });
        return kept;
    }

    private static ItemStatus status(String text, List<FieldViolation> violations) {
        if (blank(text)) {
            violations.add(new FieldViolation("status", "required", "is required"));
            return null;
        }
        for (ItemStatus candidate : REPORTABLE) {
            if (candidate.name().equals(text.trim())) {
                return candidate;
            }
        }
        violations.add(new FieldViolation("status", "one-of", "must be one of " + REPORTABLE + ", not '"
                + cut(NulCharacters.without(text)) + "'"));
        return null;
    }

    private static Instant at(String text, Instant receivedAt, List<FieldViolation> violations) {
        if (blank(text)) {
            return receivedAt;
        }
        try {
            Instant at = OffsetDateTime.parse(text.trim()).toInstant();
            if (at.isAfter(receivedAt.plus(CLOCK_SKEW))) {
                violations.add(new FieldViolation("at", "not-in-future", "must not be more than "
                        + CLOCK_SKEW.toMinutes() + " minutes after the hub's clock"));
            }
            return at;
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("at", "iso-instant",
                    "must be an ISO-8601 time with an offset, e.g. 2024-05-01T09:30:00+08:00"));
            return null;
        }
    }

    /** Blank is absent; too long is a violation. */
    private static String text(String field, String value, int maxLength, List<FieldViolation> violations) {
        if (blank(value)) {
            return null;
        }
        String trimmed = value.trim();
        if (NulCharacters.in(value)) {
            violations.add(NulCharacters.violation(field));
        } else if (trimmed.length() > maxLength) {
            violations.add(new FieldViolation(field, "maxLength", "must be at most " + maxLength + " characters"));
        }
        return trimmed;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
