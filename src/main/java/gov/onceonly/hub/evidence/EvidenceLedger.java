package gov.onceonly.hub.evidence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.UUID;

/**
 * Appends to the evidence ledger inside the caller's transaction, so an entry exists if and only if the effect it
 * records committed. An append takes no lock and writes each entry once: the {@link EvidenceChainer} gives it its place
 * in the chain soon after the commit, in a block. An entry whose event key is already there (a redelivered message)
 * is not written again.
 */
public class EvidenceLedger {

    /** The advisory lock of the ledger's head ("EVID"), held by the chainer while it closes a block. */
    static final long LOCK = 0x45564944L;

    /** An entry as a step appends it: what happened, and the event key that makes the append idempotent. */
    public record Appended(EvidenceKind kind, UUID applicationId, String item, String party, String payloadSha256,
                           String detail, String eventKey) {
    }

    private final JdbcTemplate jdbc;
    private final EvidenceChainer chainer;

    public EvidenceLedger(JdbcTemplate jdbc, EvidenceChainer chainer) {
        this.jdbc = jdbc;
        this.chainer = chainer;
    }

    public void append(List<Appended> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a ledger entry is appended inside the transaction of the effect it records");
        }
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into evidence_entry (kind, application_id, item, party, payload_sha256, detail, event_key)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing""",
                entries.stream().map(e -> new Object[] {e.kind().name(), e.applicationId(), e.item(), e.party(),
                        e.payloadSha256(), e.detail(), e.eventKey()}).toList());
    }

    /** An application's entries, in ledger order, every entry committed before the call chained first. */
    public List<LedgerEntry> entriesOf(UUID applicationId) {
        chainer.chainAll();
        return jdbc.query("""
                select e.recorded_at, e.kind, e.application_id, e.item, e.party, e.payload_sha256, e.detail,
                       b.first_entry + p.i - 1, coalesce(b.entry_hashes[p.i - 1], prev.entry_hashes[cardinality(prev.entry_hashes)], ?),
                       b.entry_hashes[p.i]
                from evidence_entry e
                join lateral (select * from evidence_block b where b.xid_horizon > e.xid order by b.xid_horizon limit 1) b on true
                cross join lateral (select array_position(b.entry_ids, e.id) as i) p
                left join evidence_block prev on prev.seq = b.seq - 1
                where e.application_id = ? and p.i is not null
                order by 8""", (rs, n) -> LedgerRows.entry(rs, 1, rs.getLong(8), rs.getString(9), rs.getString(10)),
                Sha256.GENESIS, applicationId);
    }
}
