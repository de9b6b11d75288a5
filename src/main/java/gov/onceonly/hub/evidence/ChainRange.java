package gov.onceonly.hub.evidence;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Recomputes the entries after a checkpoint, before the next is signed: each entry's hash from its stored fields and
 * its predecessor's hash, as its block recorded it. A checkpoint then only ever signs entries that hash correctly.
 */
final class ChainRange {

    /** Entries read per query: the first checkpoint over an old ledger checks all of it, a chunk at a time. */
    static final long CHUNK = 10_000;

    private record Row(long seq, LedgerEntry entry, String hash) {
    }

    private ChainRange() {
    }

    /** What is wrong with entries {@code from + 1} to {@code to}, or empty when each hashes as its block says. */
    static Optional<String> check(JdbcTemplate jdbc, long from, long to) {
        String previous = from == 0 ? Sha256.GENESIS : null;
        for (long start = from; start < to; start += CHUNK) {
            long end = Math.min(to, start + CHUNK);
            List<Row> rows = rows(jdbc, Math.max(start, 1), end);
            long expected = Math.max(start, 1);
            for (Row row : rows) {
                if (row.seq() != expected) {
                    return Optional.of("entry " + expected + " is missing from its block");
                }
                expected++;
                if (row.seq() == start) { // the last entry of the previous range: its hash is the next one's link
                    previous = row.hash();
                    continue;
                }
                if (row.entry() == null) {
                    return Optional.of("entry " + row.seq() + " was deleted");
                }
                LedgerEntry e = row.entry();
                String computed = LedgerEntry.hashOf(row.seq(), e.recordedAt(), e.kind(), e.applicationId(), e.item(),
                        e.party(), e.payloadSha256(), e.detail(), previous);
                if (!computed.equals(row.hash())) {
                    return Optional.of("entry " + row.seq() + " does not hash as its block recorded: it was changed");
                }
                previous = row.hash();
            }
            if (expected != end + 1) {
                return Optional.of("entry " + expected + " is missing from its block");
            }
        }
        return Optional.empty();
    }

    /**
     * The entries {@code first} to {@code last} as their blocks list them, with the hashes the blocks gave them. Both
     * arrays are unnested together: a subscript per row would read a large block's whole array once per entry.
     */
    private static List<Row> rows(JdbcTemplate jdbc, long first, long last) {
        return jdbc.query("""
                select b.first_entry + p.i - 1, e.recorded_at, e.kind, e.application_id, e.item, e.party,
                       e.payload_sha256, e.detail, p.hash, e.id is null
                from evidence_block b
                cross join lateral unnest(b.entry_ids, b.entry_hashes) with ordinality as p(id, hash, i)
                left join evidence_entry e on e.id = p.id
                where b.first_entry + cardinality(b.entry_ids) > ? and b.first_entry <= ?
                  and b.first_entry + p.i - 1 between ? and ?
                order by 1""", (rs, n) -> new Row(rs.getLong(1),
                rs.getBoolean(10) ? null : LedgerRows.entry(rs, 2, rs.getLong(1), null, null), rs.getString(9)),
                first, last, first, last);
    }
}
