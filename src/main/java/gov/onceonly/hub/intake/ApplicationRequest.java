package gov.onceonly.hub.intake;

import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/applications}: one bundle, one applicant, their consent, the one form, and the
 * bundle's other data subjects ({@code parties}), each by its key, and a living one with its own consent.
 */
public record ApplicationRequest(@NotBlank(message = "is required") String bundle,
                                 @NotNull(message = "is required") @Valid Applicant applicant,
                                 @NotNull(message = "is required: the hub pulls no dataset without the applicant's consent")
                                 @Valid Consent consent,
                                 Map<String, Object> form,
                                 Map<String, @Valid Party> parties) {

    static final String ID_NUMBER = "A citizen ID number (GB 11643): 17 digits, then the check character";
    static final String CREDIT_CODE = "A unified social credit code (GB 32100), its last character the check character";

    public ApplicationRequest(String bundle, Applicant applicant, Consent consent, Map<String, Object> form) {
        this(bundle, applicant, consent, form, null);
    }

    /**
     * A data subject of the bundle besides the applicant, by the key its datasets are looked up by. {@code consent}
     * is the party's own (a spouse, a seller); a party the mapping gives a legal basis for (the deceased) has none.
     */
    public record Party(@Schema(pattern = CitizenIdNumber.PATTERN, description = ID_NUMBER) String idNumber,
                        @Schema(pattern = CreditCode.PATTERN, description = CREDIT_CODE) String creditCode,
                        @Size(max = 100, message = "must be at most {max} characters") String name,
                        Consent consent) {
    }

    /**
     * Who applies. For a personal bundle: the person, by {@code idNumber}. For an enterprise bundle: the enterprise,
     * by {@code creditCode}, with its {@code name}; {@code idNumber} is then the optional agent (经办人) who acts for it.
     */
    public record Applicant(@Schema(pattern = CitizenIdNumber.PATTERN, description = ID_NUMBER) String idNumber,
                            String name,
                            @Schema(pattern = CreditCode.PATTERN, description = CREDIT_CODE) String creditCode) {
    }

    /**
     * The applicant's consent to pull their data for this purpose. {@code datasets}, when given, lists the
     * datasets ({@code <connector>/<dataset>}) consented to, and must cover the bundle's fetch plan.
     */
    public record Consent(@NotNull(message = "must be true for the hub to pull any dataset")
                          @AssertTrue(message = "must be true for the hub to pull any dataset") Boolean granted,
                          @NotBlank(message = "is required")
                          @Size(max = 200, message = "must be at most {max} characters") String purpose,
                          @Size(max = ApplicationValidator.MAX_CONSENTED_DATASETS,
                                  message = "must list at most {max} datasets") List<String> datasets,
                          Instant givenAt) {
    }
}
