package gov.onceonly.hub.withdrawal;

import java.util.UUID;

/** An application every item of which is decided, cancelled or not applicable: there is nothing left to withdraw. */
public class WithdrawalRefusedException extends RuntimeException {

    public WithdrawalRefusedException(UUID applicationId) {
        super("application " + applicationId + " is COMPLETED: every item is decided, so there is nothing to withdraw");
    }
}
