package gov.onceonly.hub.intake;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.DatasetFetch;
import gov.onceonly.hub.connector.SubjectKeyKind;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every rule an application must pass before anything is stored. All violations are reported at once: the body's
 * own constraints (Bean Validation on ApplicationRequest), the form against its published schema, and here what
 * depends on the bundle or the clock.
 */
public class ApplicationValidator {

    /** More than any bundle pulls; a longer list is abuse, not consent. */
    static final int MAX_CONSENTED_DATASETS = 64;
    /** How far a channel's clock may run ahead of the hub's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final BundleCatalog bundles;
    private final RequestConstraints constraints;
    private final FormSchemaCheck form = new FormSchemaCheck();

    public ApplicationValidator(BundleCatalog bundles, RequestConstraints constraints) {
        this.bundles = bundles;
        this.constraints = constraints;
    }

    /** @return the bundle the application is for */
    public CompiledBundle validate(ApplicationRequest request) {
        List<FieldViolation> violations = new ArrayList<>(constraints.of(request));
        CompiledBundle bundle = null;
        if (request.bundle() != null && !request.bundle().isBlank()) {
            bundle = bundles.find(request.bundle()).orElse(null);
            if (bundle == null) {
                violations.add(new FieldViolation("bundle", "known-bundle", "no bundle '" + request.bundle() + "' is served"));
            }
        }
        checkApplicant(request.applicant(), bundle, violations);
        checkConsent(request.consent(), bundle, violations);
        PartiesValidator.check(request.parties(), bundle, violations);
        if (bundle != null) {
            form.check(bundle, request.form() == null ? Map.of() : request.form(), violations);
        }
        checkNoNul(request, violations);
        if (!violations.isEmpty()) {
            throw new InvalidApplicationException(violations);
        }
        return bundle;
    }

    /** Every text that is stored (the form is kept as it came) must be free of U+0000. */
    private static void checkNoNul(ApplicationRequest request, List<FieldViolation> violations) {
        NulCharacters.check("bundle", request.bundle(), violations);
        if (request.applicant() != null) {
            NulCharacters.check("applicant.idNumber", request.applicant().idNumber(), violations);
            NulCharacters.check("applicant.name", request.applicant().name(), violations);
            NulCharacters.check("applicant.creditCode", request.applicant().creditCode(), violations);
        }
        if (request.consent() != null) {
            NulCharacters.check("consent.purpose", request.consent().purpose(), violations);
            NulCharacters.check("consent.datasets", request.consent().datasets(), violations);
        }
        NulCharacters.check("form", request.form(), violations);
    }

    /**
     * A personal bundle is keyed by the applicant's ID number; an enterprise bundle by the credit code, with the ID
     * number of an agent optional. Without a known bundle, whatever key was given is still checked.
     */
    private static void checkApplicant(ApplicationRequest.Applicant applicant, CompiledBundle bundle,
                                       List<FieldViolation> violations) {
        if (applicant == null) {
            return;
        }
        boolean enterprise = bundle == null ? applicant.creditCode() != null
                : bundle.subjectKey() == SubjectKeyKind.CREDIT_CODE;
        if (enterprise) {
            CreditCode.problem(applicant.creditCode()).ifPresent(problem ->
                    violations.add(new FieldViolation("applicant.creditCode", "GB32100", problem)));
        } else if (applicant.creditCode() != null) {
            violations.add(new FieldViolation("applicant.creditCode", "personal-bundle",
                    "must be absent: this bundle is for a person, keyed by applicant.idNumber"));
        }
        if (!enterprise || applicant.idNumber() != null) {
            CitizenIdNumber.problem(applicant.idNumber()).ifPresent(problem ->
                    violations.add(new FieldViolation("applicant.idNumber", "GB11643", problem)));
        }
        int maxName = enterprise ? 100 : 50;
        if (applicant.name() != null && applicant.name().length() > maxName) {
            violations.add(new FieldViolation("applicant.name", "maxLength", "must be at most " + maxName + " characters"));
        }
    }

    private static void checkConsent(ApplicationRequest.Consent consent, CompiledBundle bundle, List<FieldViolation> violations) {
        if (consent == null) {
            return;
        }
        if (consent.givenAt() != null && consent.givenAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            violations.add(new FieldViolation("consent.givenAt", "not-in-future",
                    "must not be in the future: consent is given before the application"));
        }
        if (consent.datasets() != null && consent.datasets().size() <= MAX_CONSENTED_DATASETS && bundle != null) {
            List<String> uncovered = bundle.fetchPlan().stream().filter(fetch -> fetch.party() == null).map(DatasetFetch::label)
                    .filter(label -> !consent.datasets().contains(label)).toList();
            if (!uncovered.isEmpty()) {
                violations.add(new FieldViolation("consent.datasets", "covers-fetch-plan",
                        "must include every dataset this bundle pulls of the applicant; missing " + uncovered));
            }
        }
    }
}
