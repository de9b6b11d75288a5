package gov.onceonly.hub.proposal;

import java.util.UUID;

/** A proposal that is no longer open (confirmed, declined or expired): it can be neither confirmed nor declined. */
public class ProposalClosedException extends RuntimeException {

    private final ProposalStatus status;

    public ProposalClosedException(UUID id, ProposalStatus status) {
        super("proposal " + id + " is " + status + ": only an OPEN proposal can be confirmed or declined");
        this.status = status;
    }

    public ProposalStatus status() {
        return status;
    }
}
