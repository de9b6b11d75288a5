package gov.onceonly.hub.schedule;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Jobs that one instance of a cluster must run, not each (outbox pruning, checkpoints): each run takes a PostgreSQL
 * session advisory lock named after the job, and an instance that does not get it skips the run. The lock is the
 * database's, so it is released when the holder's connection ends, a crash included; nothing is left to expire.
 */
public final class ClusterLock {

    /** Keys of the hub's jobs live in their own space: hashtext of this prefix and the job's name. */
    private static final String PREFIX = "onceonly-hub:job:";

    private final DataSource dataSource;

    public ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code job} if no other instance is running the job of this name; true if it ran. */
    public boolean runAlone(String name, PeriodicJobs.Job job) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!call(connection, "select pg_try_advisory_lock(hashtext(?))", name)) {
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                call(connection, "select pg_advisory_unlock(hashtext(?))", name);
            }
        }
    }

    /** The job guarded: a run that another instance is doing is skipped. */
    public PeriodicJobs.Job alone(String name, PeriodicJobs.Job job) {
        return () -> runAlone(name, job);
    }

    private static boolean call(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, PREFIX + name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
