package gov.onceonly.hub.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** How entries, blocks and checkpoints are read from PostgreSQL, the same for the hub and the command-line verifier. */
final class LedgerRows {

    /** An entry's own columns, in the order {@link #entry} reads them. */
    static final String ENTRY_COLUMNS = "recorded_at, kind, application_id, item, party, payload_sha256, detail";
    static final String CHECKPOINT_COLUMNS = "seq, head_hash, signed_at, key_id, public_key, signature, root_hash, note";

    private LedgerRows() {
    }

    /**
     * An entry as stored, its own columns from {@code first} on, with the place and hashes its block gave it. An unknown
     * kind (a tampered row) is kept as null, which no hash matches.
     */
    static LedgerEntry entry(ResultSet rs, int first, long seq, String prevHash, String entryHash) throws SQLException {
        EvidenceKind kind;
        try {
            kind = EvidenceKind.valueOf(rs.getString(first + 1));
        } catch (IllegalArgumentException | NullPointerException e) {
            kind = null;
        }
        return new LedgerEntry(seq, rs.getTimestamp(first).toInstant(), kind, rs.getObject(first + 2, UUID.class),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                prevHash, entryHash);
    }

    static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
