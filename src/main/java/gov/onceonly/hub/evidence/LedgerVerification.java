package gov.onceonly.hub.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies the ledger of one database over a plain JDBC connection, so that the hub's endpoint and the command-line
 * verifier run the same code. Reads one snapshot (repeatable read) and streams the entries.
 */
public final class LedgerVerification {

    private LedgerVerification() {
    }

    public static VerificationReport verify(Connection connection, List<String> trustedKeys) throws SQLException {
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
            ChainVerifier verifier = new ChainVerifier(checkpoints, trustedKeys);
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + LedgerRows.ENTRY_COLUMNS + " from evidence_entry order by seq")) {
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next() && verifier.accept(LedgerRows.entry(rs))) {
                        // verified so far
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select count(*) from evidence_pending");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                verifier.waiting(rs.getLong(1));
            }
            return verifier.report();
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }
}
