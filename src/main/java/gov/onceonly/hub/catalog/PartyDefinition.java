package gov.onceonly.hub.catalog;

import gov.onceonly.hub.connector.SubjectKeyKind;

/**
 * A data subject of a bundle besides the applicant (the deceased, the spouse, the seller): what they are, the key
 * their datasets are looked up by, and, for a party who cannot consent, the legal basis their data is pulled on.
 * A party without a legal basis consents for themselves, as the applicant does; without their consent nothing of
 * theirs is pulled.
 */
public record PartyDefinition(String title, SubjectKeyKind key, String legalBasis) {

    /** The applicant is not a declared party; this name is theirs. */
    public static final String APPLICANT = "applicant";

    /** Whether the party consents (no legal basis is declared for them). */
    public boolean consents() {
        return legalBasis == null || legalBasis.isBlank();
    }
}
