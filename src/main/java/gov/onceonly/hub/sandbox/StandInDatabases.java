package gov.onceonly.hub.sandbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jdbc stand-ins' databases, {@code standin_<connector>} on the sandbox's PostgreSQL server beside the catalogue's
 * (layout: {@link StandInTables}). A source's tables are made again from its fixtures in one transaction, so the hub
 * reads either the old records or the new ones; a target's exchange table is created once and read like the
 * catalogue's.
 */
final class StandInDatabases {

    private final CatalogueDepartments.Servers servers;

    StandInDatabases(CatalogueDepartments.Servers servers) {
        this.servers = servers;
    }

    /** Makes each dataset's table hold exactly its fixtures: {@code keys} gives each dataset's key (idNumber...). */
    void applySource(String connector, Map<String, String> keys, Map<String, Map<String, Map<String, Object>>> datasets)
            throws SQLException {
        String database = ensureDatabase(connector);
        try (Connection c = connect(database)) {
            c.setAutoCommit(false);
            try (Statement ddl = c.createStatement()) {
                for (Map.Entry<String, String> dataset : keys.entrySet()) {
                    Map<String, Map<String, Object>> records = datasets.getOrDefault(dataset.getKey(), Map.of());
                    StandInTables.Table table = StandInTables.table(dataset.getKey(), dataset.getValue(), records);
                    ddl.execute(table.drop());
                    ddl.execute(table.create());
                    try (PreparedStatement insert = c.prepareStatement(table.insert())) {
                        for (Map.Entry<String, Map<String, Object>> record : records.entrySet()) {
                            List<Object> values = table.values(record.getKey(), record.getValue());
                            for (int k = 0; k < values.size(); k++) {
                                insert.setObject(k + 1, values.get(k));
                            }
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Creates a target's exchange table, if it is not there. */
    void prepareTarget(String connector) throws SQLException {
        try (Connection c = connect(ensureDatabase(connector)); Statement ddl = c.createStatement()) {
            ddl.execute(CatalogueDatabases.EXCHANGE_DDL.formatted(StandInTables.EXCHANGE_TABLE));
        }
    }

    /** The rows a target's exchange table received at or after {@code since}, oldest first. */
    List<ApprovalInbox.Received> exchangedSince(String connector, Instant since) throws SQLException {
        List<ApprovalInbox.Received> received = new ArrayList<>();
        try (Connection c = connect(StandInTables.database(connector));
             PreparedStatement query = c.prepareStatement("select idempotency_key, record, received_at from "
                     + StandInTables.EXCHANGE_TABLE + " where received_at >= ? order by received_at")) {
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    received.add(new ApprovalInbox.Received(connector, rs.getString(1), rs.getString(2),
                            rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return received;
    }

    private String ensureDatabase(String connector) throws SQLException {
        String database = StandInTables.database(connector);
        try (Connection admin = servers.hubDataSource().getConnection();
             PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (Statement create = admin.createStatement()) {
                    create.execute("create database " + database);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // another hub on the same server created it a moment ago
                        throw e;
                    }
                }
            }
        }
        return database;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(servers.postgresServerUrl() + "/" + database, servers.postgresUser(),
                servers.postgresPassword());
    }
}
