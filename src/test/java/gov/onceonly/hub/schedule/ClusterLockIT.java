package gov.onceonly.hub.schedule;

import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.outbox.OutboxPruner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A job that one instance of a cluster runs: while another instance holds its lock, this one skips the run. */
class ClusterLockIT extends HubIntegrationTest {

    @Autowired
    ClusterLock lock;

    @Autowired
    OutboxPruner pruner;

    @Autowired
    DataSource dataSource;

    @Test
    void aJobHeldByAnotherInstanceIsSkippedAndRunsOnceItIsFree() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Connection otherInstance = dataSource.getConnection()) {
            hold(otherInstance, "pg_advisory_lock", "cluster-lock-test");
            assertThat(lock.runAlone("cluster-lock-test", runs::incrementAndGet)).isFalse();
            assertThat(runs).hasValue(0);
            hold(otherInstance, "pg_advisory_unlock", "cluster-lock-test");
        }
        assertThat(lock.runAlone("cluster-lock-test", runs::incrementAndGet)).isTrue();
        assertThat(lock.runAlone("cluster-lock-test", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void theOutboxIsPrunedByOneInstanceAtATime() throws Exception {
        String key = "prune-lock-" + UUID.randomUUID();
        jdbc.update("insert into outbox (topic, message_key, payload, created_at, published_at) "
                + "values ('hub.prune-test', ?, '{}', now() - interval '25 hours', now() - interval '25 hours')", key);
        try (Connection otherInstance = dataSource.getConnection()) {
            hold(otherInstance, "pg_advisory_lock", "outbox-prune");
            pruner.pruneAlone();
            assertThat(jdbc.queryForObject("select count(*) from outbox where message_key = ?", Integer.class, key))
                    .isEqualTo(1);
            hold(otherInstance, "pg_advisory_unlock", "outbox-prune");
        }
        pruner.pruneAlone();
        assertThat(jdbc.queryForObject("select count(*) from outbox where message_key = ?", Integer.class, key)).isZero();
    }

    /** What another instance's ClusterLock does on its own connection. */
    private static void hold(Connection connection, String function, String job) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + function + "(hashtext('onceonly-hub:job:' || ?))")) {
            statement.setString(1, job);
            statement.executeQuery().close();
        }
    }
}
