package gov.onceonly.hub.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/applications}: one bundle, one applicant, their consent, the one form. */
public record ApplicationRequest(String bundle, Applicant applicant, Consent consent, Map<String, Object> form) {

    public record Applicant(String idNumber, String name) {
    }

    /**
     * The applicant's consent to pull their data for this purpose. {@code datasets}, when given, lists the
     * datasets ({@code <connector>/<dataset>}) consented to, and must cover the bundle's fetch plan.
     */
    public record Consent(Boolean granted, String purpose, List<String> datasets, Instant givenAt) {
    }
}
