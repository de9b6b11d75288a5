package gov.onceonly.hub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One PostgreSQL 16 for every system under test, run by the bench JVM, with the hub's own settings (fsync on):
 * the hub and the hand-written baseline commit to the same server, each to a fresh database, so durability
 * costs them the same. Rows written are read from pg_stat_user_tables.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    BenchDatabase(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300").setServerConfig("fsync", "on").start();
    }

    String createDatabase(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /**
     * Rows inserted and updated in the database's tables so far. Backends report their counts at most every second
     * while busy and within 10 s once idle, so a caller that wants exact deltas waits {@link #STATS_SETTLE_MILLIS}
     * after the load before reading.
     */
    long rowsWritten(String database) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(sum(n_tup_ins + n_tup_upd), 0) from pg_stat_user_tables")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static final long STATS_SETTLE_MILLIS = 11_000;

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
