package gov.onceonly.hub.progress;

import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.intake.FieldViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StatusReportValidatorTest {

    private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    @Test
    void aCompleteReportBecomesAnEvent() {
        ItemEvent event = StatusReportValidator.validatePosted(
                new StatusReport(null, null, "DONE", "2026-05-01T09:30:00+08:00", " 准予发证 ", "Q500000001", null, "e-1"),
                ID, "birth-certificate", NOW);
        assertThat(event.status()).isEqualTo(ItemStatus.DONE);
        assertThat(event.at()).isEqualTo(Instant.parse("2026-05-01T01:30:00Z"));
        assertThat(event.result()).isEqualTo("准予发证");
        assertThat(event.source()).isEqualTo(ItemEvent.Source.REST);
        assertThat(event.details()).containsOnlyKeys("result", "certificateNo");
    }

    @Test
    void withoutATimeTheReceiptTimeCounts() {
        ItemEvent event = StatusReportValidator.validatePosted(report("ACCEPTED", null), ID, "x", NOW);
        assertThat(event.at()).isEqualTo(NOW);
    }

    @Test
    void anUnknownStatusNamesTheField() {
        assertThat(violations(report("FINISHED", null))).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("status", "one-of"));
        assertThat(violations(report("DELIVERED", null))).extracting(FieldViolation::rule).containsExactly("one-of");
        assertThat(violations(report(null, null))).extracting(FieldViolation::rule).containsExactly("required");
    }

    @Test
    void aRejectionNeedsItsReasonAndADecisionItsOutcome() {
        assertThat(violations(report("REJECTED", null))).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "required-when-rejected"));
        assertThat(violations(report("DONE", null))).extracting(FieldViolation::field).containsExactly("result");
        assertThat(violations(new StatusReport(null, null, "ACCEPTED", null, "x", "Q1", "y", null)))
                .extracting(FieldViolation::field).containsExactlyInAnyOrder("result", "certificateNo", "reason");
    }

    @Test
    void timesMustBeIsoAndNotInTheFuture() {
        assertThat(violations(report("ACCEPTED", "yesterday"))).extracting(FieldViolation::rule).containsExactly("iso-instant");
        assertThat(violations(report("ACCEPTED", "2026-05-01T03:00:00Z"))).extracting(FieldViolation::rule)
                .containsExactly("not-in-future");
        assertThat(StatusReportValidator.validatePosted(report("ACCEPTED", "2026-05-01T02:04:00Z"), ID, "x", NOW).at())
                .as("a little clock skew is fine").isEqualTo(Instant.parse("2026-05-01T02:04:00Z"));
    }

    @Test
    void aPostedBodyMayRepeatThePathButNotContradictIt() {
        assertThat(StatusReportValidator.validatePosted(new StatusReport(ID.toString(), "x", "ACCEPTED", null, null, null, null, null),
                ID, "x", NOW).item()).isEqualTo("x");
        assertThat(violations(new StatusReport(UUID.randomUUID().toString(), "y", "ACCEPTED", null, null, null, null, null)))
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("applicationId", "matches-path"),
                        org.assertj.core.groups.Tuple.tuple("item", "matches-path"));
    }

    @Test
    void aMessageNamesItsApplicationAndItem() {
        ItemEvent event = StatusReportValidator.validateMessage(
                new StatusReport(ID.toString(), "medical-insurance", "IN_PROGRESS", null, null, null, null, null), NOW);
        assertThat(event.applicationId()).isEqualTo(ID);
        assertThat(event.source()).isEqualTo(ItemEvent.Source.KAFKA);
        StatusReportException e = catchThrowableOfType(StatusReportException.class, () -> StatusReportValidator.validateMessage(
                new StatusReport("not-a-uuid", " ", "IN_PROGRESS", null, null, null, null, null), NOW));
        assertThat(e.problem()).isEqualTo(StatusReportException.Problem.INVALID);
        assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("applicationId", "uuid"),
                org.assertj.core.groups.Tuple.tuple("item", "required"));
    }

    @Test
    void logsMaskNumbers() {
        assertThat(StatusReportConsumer.masked("{\"certificateNo\":\"Q500101198808170106\"}"))
                .isEqualTo("{\"certificateNo\":\"Q500101********0106\"}");
        assertThat(StatusReportConsumer.masked("phone 13800138000\nnext")).isEqualTo("phone 138001*8000 next");
    }

    @Test
    @SuppressWarnings("unchecked")
    void outputsComeWithADecisionEachNamedAndOfASensibleShape() {
        ItemEvent done = StatusReportValidator.validatePosted(new StatusReport(null, null, "DONE", null, "准予登记", null,
                null, null, Map.of("creditCode", " 91500000MA5U0001X1 ", "capital", 100)), ID, "x", NOW);
        assertThat(done.outputs()).containsEntry("creditCode", "91500000MA5U0001X1").containsEntry("capital", 100);
        assertThat((List<Object>) done.details().get("outputs")).as("the event names the outputs, it does not hold them")
                .containsExactlyInAnyOrder("creditCode", "capital");

        assertThat(violations(new StatusReport(null, null, "ACCEPTED", null, null, null, null, null,
                Map.of("creditCode", "91500000MA5U0001X1")))).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("outputs", "only-when-done"));
        Map<String, Object> malformed = new java.util.LinkedHashMap<>();
        malformed.put("1st", "x");
        malformed.put("nested", Map.of("a", 1));
        malformed.put("long", "x".repeat(StatusReportValidator.MAX_OUTPUT_LENGTH + 1));
        assertThat(violations(new StatusReport(null, null, "DONE", null, "准予登记", null, null, null, malformed)))
                .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("outputs.1st", "name"),
                        org.assertj.core.groups.Tuple.tuple("outputs.nested", "type"),
                        org.assertj.core.groups.Tuple.tuple("outputs.long", "maxLength"));
    }

    private static StatusReport report(String status, String at) {
        return new StatusReport(null, null, status, at, null, null, null, null);
    }

    @Test
    void aNulCharacterIsRefusedNamingTheField() {
        StatusReport report = new StatusReport(null, null, "DONE", null, "准予\u0000发证", "Q5\u00000001", null, "e\u0000");
        assertThat(violations(report)).extracting(FieldViolation::field, FieldViolation::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("result", "no-nul-character"),
                org.assertj.core.groups.Tuple.tuple("certificateNo", "no-nul-character"),
                org.assertj.core.groups.Tuple.tuple("eventId", "no-nul-character"));
        assertThat(violations(new StatusReport(null, null, "REJECTED", null, null, null, "\u0000", null)))
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "no-nul-character"));
    }

    private static List<FieldViolation> violations(StatusReport report) {
        StatusReportException e = catchThrowableOfType(StatusReportException.class,
                () -> StatusReportValidator.validatePosted(report, ID, "x", NOW));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problem().httpStatus()).isEqualTo(422);
        return e.violations();
    }
}
