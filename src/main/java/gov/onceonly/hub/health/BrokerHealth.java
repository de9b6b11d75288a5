package gov.onceonly.hub.health;

import gov.onceonly.hub.connector.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The hub's Kafka cluster answers: part of readiness, since no stage can hand work on without it. */
public final class BrokerHealth implements HealthIndicator, AutoCloseable {

    private final Admin admin;

    public BrokerHealth(String bootstrapServers, KafkaClientSettings settings) {
        admin = Admin.create(settings.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000)));
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            int brokers = cluster.nodes().get(3, TimeUnit.SECONDS).size();
            return Health.up().withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                    .withDetail("brokers", brokers).build();
        } catch (Exception e) {
            return Health.down().withDetail("problem", e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
