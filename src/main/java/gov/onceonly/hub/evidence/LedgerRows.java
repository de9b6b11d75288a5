package gov.onceonly.hub.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** How entries and checkpoints are read from PostgreSQL, the same for the hub and the command-line verifier. */
final class LedgerRows {

    static final String ENTRY_COLUMNS =
            "seq, recorded_at, kind, application_id, item, party, payload_sha256, prev_hash, entry_hash";
    static final String CHECKPOINT_COLUMNS = "seq, head_hash, signed_at, key_id, public_key, signature";

    private LedgerRows() {
    }

    /** An entry as stored. An unknown kind (a tampered row) is kept as null, which no hash matches. */
    static LedgerEntry entry(ResultSet rs) throws SQLException {
        EvidenceKind kind;
        try {
            kind = EvidenceKind.valueOf(rs.getString(3));
        } catch (IllegalArgumentException | NullPointerException e) {
            kind = null;
        }
        return new LedgerEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), kind, rs.getObject(4, UUID.class),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getString(5), rs.getString(6));
    }
}
