package gov.onceonly.hub.application;

/**
 * A data subject of an application besides its applicant: the party's name in the bundle, the key its datasets are
 * looked up by, whether it consented, and the legal basis its data is pulled on when it cannot consent.
 */
public record StoredParty(String party, String subjectKey, boolean consented, String legalBasis) {

    /** Whether the hub may pull the party's datasets: with their consent, or on a legal basis. */
    public boolean mayBePulled() {
        return consented || legalBasis != null;
    }
}
