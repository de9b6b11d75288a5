package gov.onceonly.hub.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/applications}: one bundle, one applicant, their consent, the one form. */
public record ApplicationRequest(String bundle, Applicant applicant, Consent consent, Map<String, Object> form) {

    /**
     * Who applies. For a personal bundle: the person, by {@code idNumber}. For an enterprise bundle: the enterprise,
     * by {@code creditCode}, with its {@code name}; {@code idNumber} is then the optional agent (经办人) who acts for it.
     */
    public record Applicant(String idNumber, String name, String creditCode) {
    }

    /**
     * The applicant's consent to pull their data for this purpose. {@code datasets}, when given, lists the
     * datasets ({@code <connector>/<dataset>}) consented to, and must cover the bundle's fetch plan.
     */
    public record Consent(Boolean granted, String purpose, List<String> datasets, Instant givenAt) {
    }
}
