package gov.onceonly.hub.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 16 started from the zonky binaries. Its data directory is kept between runs,
 * so applications survive a restart of the hub.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String DEADLOCK_DETECTED = "40P01";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        OrphanedPostgres.stopIfRunning(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // Spring stops the database after the last bean; zonky's own JVM hook would stop it while
                // Camel is still draining in-flight exchanges.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                // zonky turns it off; the 202 promises the application survives a crash of the database too.
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
        server.ensureDatabase("hub");
        server.ensureRoles();
        return server;
    }

    /** The owner that migrates and the runtime role that may only append to the ledger (db/embedded-roles.sql). */
    private void ensureRoles() throws IOException {
        String sql;
        try (InputStream script = EmbeddedPostgresServer.class.getResourceAsStream("/db/embedded-roles.sql")) {
            sql = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = postgres.getDatabase("postgres", "hub").getConnection();
                 Statement statement = c.createStatement()) {
                statement.execute(sql);
                return;
            } catch (SQLException e) {
                // A hub already reconnected to a restarted server may hold a lock the ownership transfer needs;
                // PostgreSQL picks one side of the deadlock, and the script is idempotent.
                if (!DEADLOCK_DETECTED.equals(e.getSQLState()) || attempt == 3) {
                    throw new IOException("cannot set up the roles hub_owner and hub_app: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The hub keeps its tables in its own database, apart from the sandbox departments' databases. */
    void ensureDatabase(String name) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                c.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
