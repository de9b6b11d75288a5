package gov.onceonly.hub.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the embedded PostgreSQL and KRaft broker before any bean needs them, unless an external
 * database URL ({@code spring.datasource.url}) or Kafka bootstrap servers ({@code hub.kafka.bootstrap-servers})
 * are configured. Runs as an initializer so that every later property (Camel's Kafka brokers, the
 * datasource) already sees the embedded addresses. Both are stopped after every bean is destroyed.
 */
public class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("hub.embedded.enabled", Boolean.class, true)) {
            return;
        }
        boolean needPostgres = !env.containsProperty("spring.datasource.url");
        boolean needKafka = !env.containsProperty("hub.kafka.bootstrap-servers");
        if (!needPostgres && !needKafka) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("hub.embedded.data-dir", "data"));
        Map<String, Object> resolved = new HashMap<>();
        EmbeddedInfrastructure started = new EmbeddedInfrastructure();
        try {
            if (needPostgres) {
                started.postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                        env.getProperty("hub.embedded.postgres.port", Integer.class, 0));
                resolved.put("spring.datasource.url", started.postgres.jdbcUrl("hub"));
                resolved.put("spring.datasource.username", "postgres");
                resolved.put("spring.datasource.password", "");
                log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", started.postgres.port(), dataDir.resolve("postgres"));
            }
            if (needKafka) {
                started.kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"),
                        env.getProperty("hub.embedded.kafka.port", Integer.class, 0),
                        env.getProperty("hub.embedded.kafka.partitions", Integer.class, 4));
                resolved.put("hub.kafka.bootstrap-servers", started.kafka.bootstrapServers());
                log.info("Embedded Kafka (KRaft) on {}, logs in {}", started.kafka.bootstrapServers(), dataDir.resolve("kafka"));
            }
        } catch (Exception e) {
            started.destroy();
            throw new IllegalStateException("cannot start the embedded infrastructure in " + dataDir + ": " + e.getMessage(), e);
        }
        env.getPropertySources().addFirst(new MapPropertySource("hub-embedded", resolved));
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
            beans.registerSingleton("embeddedInfrastructure", started);
            beans.registerDisposableBean("embeddedInfrastructure", started);
        }
    }

    @Override
    public void destroy() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            postgres = null;
        }
    }
}
