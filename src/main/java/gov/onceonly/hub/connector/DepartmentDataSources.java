package gov.onceonly.hub.connector;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HikariCP pool per JDBC connector, apart from the hub's own pool, so a slow department database
 * can only exhaust its own connections. Source pools are read-only.
 */
public final class DepartmentDataSources implements AutoCloseable {

    private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();

    public HikariDataSource open(ConnectorDefinition connector, ConnectorDefinition.JdbcEndpoint resolved) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dept-" + connector.id());
        config.setJdbcUrl(resolved.url());
        config.setUsername(resolved.username());
        config.setPassword(resolved.password());
        config.setMaximumPoolSize(resolved.maximumPoolSize() == null ? 4 : resolved.maximumPoolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, resolved.timeoutMillis() == null ? 3000 : resolved.timeoutMillis()));
        config.setReadOnly(connector.isSource());
        // A department database that is down must not stop the hub from starting; calls fail and retry instead.
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        HikariDataSource previous = pools.put(connector.id(), pool);
        if (previous != null) {
            // A reloaded connector: its route was stopped (calls finished) before the new pool was opened.
            previous.close();
        }
        return pool;
    }

    /** The pool of a JDBC connector, for health checks and diagnostics. */
    public HikariDataSource dataSource(String connectorId) {
        HikariDataSource pool = pools.get(connectorId);
        if (pool == null) {
            throw new IllegalArgumentException("no JDBC connector '" + connectorId + "' is open");
        }
        return pool;
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
