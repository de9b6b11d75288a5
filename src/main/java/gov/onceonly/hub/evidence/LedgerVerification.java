package gov.onceonly.hub.evidence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the ledger of one database over a plain JDBC connection, so that the hub's endpoint and the command-line
 * verifier run the same code. Reads one snapshot (repeatable read): block by block, each block's entries in its order
 * with the hashes it gave them, into the {@link ChainVerifier}; besides, an entry in a block's range of transactions
 * that the block does not list was put there afterwards.
 */
public final class LedgerVerification {

    private LedgerVerification() {
    }

    public static VerificationReport verify(Connection connection, List<String> trustedKeys) throws SQLException {
        return verify(connection, trustedKeys, WitnessedCheckpoints.none());
    }

    /** The same, and the tree roots witnesses cosigned must be those the entries give. */
    public static VerificationReport verify(Connection connection, List<String> trustedKeys, WitnessedCheckpoints witnessed)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            List<Checkpoint> checkpoints = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + LedgerRows.CHECKPOINT_COLUMNS + " from evidence_checkpoint order by seq");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(LedgerRows.checkpoint(rs));
                }
            }
            ChainVerifier verifier = new ChainVerifier(checkpoints, trustedKeys, witnessed);
            String horizon = verifyBlocks(connection, verifier);
            try (PreparedStatement select = connection.prepareStatement(
                    "select count(*) from evidence_entry where xid >= ?::xid8")) {
                select.setString(1, horizon);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    verifier.waiting(rs.getLong(1));
                }
            }
            return verifier.report();
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Feeds every block's entries to the verifier; returns the last block's horizon (entries from there on wait). */
    private static String verifyBlocks(Connection connection, ChainVerifier verifier) throws SQLException {
        String previousHorizon = "0";
        String previousHash = Sha256.GENESIS;
        try (PreparedStatement blocks = connection.prepareStatement(
                "select first_entry, xid_horizon::text, entry_ids, entry_hashes from evidence_block order by seq")) {
            blocks.setFetchSize(100);
            try (ResultSet block = blocks.executeQuery()) {
                while (block.next()) {
                    long first = block.getLong(1);
                    String horizon = block.getString(2);
                    Long[] ids = longs(block.getArray(3));
                    String[] hashes = (String[]) block.getArray(4).getArray();
                    Map<Long, LedgerEntry> entries = entries(connection, ids, previousHorizon, horizon, first, verifier);
                    for (int i = 0; i < ids.length; i++) {
                        LedgerEntry entry = entries.get(ids[i]);
                        String prev = i == 0 ? previousHash : hashes[i - 1];
                        if (entry != null && !verifier.accept(new LedgerEntry(first + i, entry.recordedAt(), entry.kind(),
                                entry.applicationId(), entry.item(), entry.party(), entry.payloadSha256(), entry.detail(),
                                prev, i < hashes.length ? hashes[i] : null))) {
                            return horizon;
                        }
                    }
                    previousHorizon = horizon;
                    previousHash = hashes.length == 0 ? previousHash : hashes[hashes.length - 1];
                }
            }
        }
        return previousHorizon;
    }

    /**
     * The block's entries by id (a listed id without its row is simply absent: the verifier finds the gap), and any
     * entry in the block's range of transactions that it does not list, reported as inserted.
     */
    private static Map<Long, LedgerEntry> entries(Connection connection, Long[] ids, String from, String below, long first,
                                                  ChainVerifier verifier) throws SQLException {
        Map<Long, LedgerEntry> entries = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, " + LedgerRows.ENTRY_COLUMNS
                + " from evidence_entry where xid >= ?::xid8 and xid < ?::xid8 or id = any(?)")) {
            select.setString(1, from);
            select.setString(2, below);
            select.setArray(3, connection.createArrayOf("bigint", ids));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.put(rs.getLong(1), LedgerRows.entry(rs, 2, 0, null, null));
                }
            }
        }
        Set<Long> listed = Set.of(ids);
        entries.keySet().stream().filter(id -> !listed.contains(id)).sorted().findFirst().ifPresent(id ->
                verifier.inserted(first, "an entry (id " + id + ") was inserted among entries " + first + " to "
                        + (first + ids.length - 1) + ": their block does not list it"));
        return entries;
    }

    private static Long[] longs(Array array) throws SQLException {
        return (Long[]) array.getArray();
    }
}
