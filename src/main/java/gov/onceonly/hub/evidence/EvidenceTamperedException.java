package gov.onceonly.hub.evidence;

/** The ledger is not what the hub signed before: a checkpoint is refused, and the message says what was found. */
public class EvidenceTamperedException extends IllegalStateException {

    public EvidenceTamperedException(String message) {
        super("Evidence ledger TAMPERED: " + message);
    }
}
