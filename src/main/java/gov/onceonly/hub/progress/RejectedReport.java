package gov.onceonly.hub.progress;

import gov.onceonly.hub.intake.FieldViolation;

import java.time.Instant;
import java.util.List;

/** A status message from the topic the hub refused, where it was in the topic, and why. */
public record RejectedReport(Instant receivedAt, String topic, int partition, long offset, String key, String payload,
                             String problem, String detail, List<FieldViolation> errors) {
}
