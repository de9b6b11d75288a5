package gov.onceonly.hub.evidence;

import java.util.List;

/**
 * What a verification found. {@code firstBadSequence} is the first entry that is not as the hub appended it (changed,
 * missing, inserted or out of place), or null when the ledger is intact; {@code problem} says what is wrong with it.
 * Where only a signed root tells (the database's checkpoint or a witness's), it is the first entry after the last root
 * that still holds, and the problem names the range the failing root covers ({@link ChainVerifier}).
 */
public record VerificationReport(boolean intact, long entries, long checkpoints, Long lastCheckpointSequence,
                                 Long firstBadSequence, String problem, List<String> warnings) {
}
