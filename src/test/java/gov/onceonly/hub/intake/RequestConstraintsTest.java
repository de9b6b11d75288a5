package gov.onceonly.hub.intake;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A request body's declared constraints, reported as the hub reports every violation: field, rule, sentence. */
class RequestConstraintsTest {

    private final RequestConstraints constraints =
            new RequestConstraints(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void everyBrokenConstraintOfTheBodyAndWhatItHoldsIsNamedByItsJsonPath() {
        ApplicationRequest request = new ApplicationRequest(" ", new ApplicationRequest.Applicant(null, null, null),
                new ApplicationRequest.Consent(false, "x".repeat(201), List.of(), Instant.now()), Map.of(),
                Map.of("deceased", new ApplicationRequest.Party("11010519491231002X", null, "名".repeat(101), null)));

        assertThat(constraints.of(request)).containsExactly(
                new FieldViolation("bundle", "required", "is required"),
                new FieldViolation("consent.granted", "must-be-true", "must be true for the hub to pull any dataset"),
                new FieldViolation("consent.purpose", "maxLength", "must be at most 200 characters"),
                new FieldViolation("parties.deceased.name", "maxLength", "must be at most 100 characters"));
    }

    @Test
    void aMissingPartIsRequiredAndAListTooLongIsMaxItems() {
        ApplicationRequest request = new ApplicationRequest("newborn", null, new ApplicationRequest.Consent(true, "出生登记",
                Collections.nCopies(ApplicationValidator.MAX_CONSENTED_DATASETS + 1, "a/b"), null), null);

        assertThat(constraints.of(request)).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                tuple("applicant", "required"),
                tuple("consent.datasets", "maxItems"));
    }
}
