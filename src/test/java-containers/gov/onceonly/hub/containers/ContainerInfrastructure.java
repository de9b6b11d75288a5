package gov.onceonly.hub.containers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.HashMap;
import java.util.Map;

/**
 * Maven profile {@code -Pcontainers}: the integration tests run on Testcontainers' PostgreSQL 16 and Kafka (KRaft)
 * instead of the embedded ones. Registered in {@code src/test/resources-containers/META-INF/spring.factories}, which
 * only that profile puts on the test classpath, and ordered before {@code EmbeddedInfrastructure}: it sets
 * {@code spring.datasource.url} and {@code hub.kafka.bootstrap-servers}, so the embedded ones stay off, exactly as
 * for any external PostgreSQL and broker. A property already set (a test's second hub pointing at the shared
 * database, a test's own embedded server) wins over the containers.
 *
 * <p>Each container is started once per JVM and shared by every context of it, as the embedded ones are shared
 * through Spring's context cache; Testcontainers' reaper removes them when the JVM ends. The containers imitate the
 * embedded set-up the tests were written against: user {@code postgres} with no password needed from the test
 * network ({@code trust}), 200 connections, four partitions per topic.
 *
 * <p>{@code -Dhub.containers.postgres-image=} and {@code -Dhub.containers.kafka-image=} choose other images;
 * {@code -Dhub.containers.enabled=false} falls back to the embedded ones.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ContainerInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String POSTGRES_IMAGE = "postgres:16";
    public static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    private static final Logger log = LoggerFactory.getLogger(ContainerInfrastructure.class);

    private static PostgreSQLContainer<?> postgres;
    private static KafkaContainer kafka;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("hub.containers.enabled", Boolean.class, true)) {
            return;
        }
        Map<String, Object> resolved = new HashMap<>();
        if (!env.containsProperty("spring.datasource.url")) {
            PostgreSQLContainer<?> database = postgres(env.getProperty("hub.containers.postgres-image", POSTGRES_IMAGE));
            resolved.put("spring.datasource.url", database.getJdbcUrl());
            resolved.put("spring.datasource.username", database.getUsername());
            resolved.put("spring.datasource.password", database.getPassword());
        }
        if (!env.containsProperty("hub.kafka.bootstrap-servers")) {
            resolved.put("hub.kafka.bootstrap-servers", kafka(env.getProperty("hub.containers.kafka-image", KAFKA_IMAGE))
                    .getBootstrapServers());
        }
        if (!resolved.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("hub-containers", resolved));
        }
    }

    static synchronized PostgreSQLContainer<?> postgres(String image) {
        if (postgres == null) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                    DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                    .withDatabaseName("hub")
                    .withUsername("postgres")
                    .withPassword("postgres")
                    // The tests' second hubs and department connectors log in as postgres without a password.
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .withCommand("postgres", "-c", "max_connections=200");
            container.start();
            log.info("Testcontainers PostgreSQL ({}) at {}", image, container.getJdbcUrl());
            postgres = container;
        }
        return postgres;
    }

    static synchronized KafkaContainer kafka(String image) {
        if (kafka == null) {
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                    // As the embedded broker: the hub creates its topics with the broker's default partitions.
                    .withEnv("KAFKA_NUM_PARTITIONS", "4")
                    .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "4")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            container.start();
            log.info("Testcontainers Kafka ({}) at {}", image, container.getBootstrapServers());
            kafka = container;
        }
        return kafka;
    }
}
