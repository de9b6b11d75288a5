package gov.onceonly.hub.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts the embedded PostgreSQL and KRaft broker, unless an external database URL ({@code spring.datasource.url}) or
 * Kafka bootstrap servers ({@code hub.kafka.bootstrap-servers}) are configured. Runs as an initializer, so that every
 * later property (Camel's Kafka brokers, the datasource) already sees the embedded addresses: their ports are chosen
 * first, and both start in the background while Spring builds the context. The first data source waits for
 * PostgreSQL; the broker is waited for before the lifecycle starts (Camel's routes, the pipeline), and a Kafka client
 * created earlier waits for it as it would for any broker. Both are stopped after every bean is destroyed.
 */
public class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private CompletableFuture<EmbeddedPostgresServer> postgres;
    private CompletableFuture<EmbeddedKafkaBroker> kafka;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        // Before any bean exists: the record is bound here, as the context would bind it.
        EmbeddedProperties embedded = Binder.get(env).bindOrCreate("hub.embedded", EmbeddedProperties.class);
        if (!embedded.enabled()) {
            return;
        }
        boolean needPostgres = !env.containsProperty("spring.datasource.url");
        boolean needKafka = !env.containsProperty("hub.kafka.bootstrap-servers");
        if (!needPostgres && !needKafka) {
            return;
        }
        Path dataDir = embedded.dataPath();
        Map<String, Object> resolved = new HashMap<>();
        EmbeddedInfrastructure started = new EmbeddedInfrastructure();
        try {
            if (needPostgres) {
                int port = portOrFree(embedded.postgres().port());
                Path folder = dataDir.resolve("postgres");
                started.postgres = inBackground("embedded-postgres", () -> {
                    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, port);
                    log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", port, folder);
                    return server;
                });
                resolved.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + port + "/hub");
                // Least privilege: the hub runs as hub_app, Flyway migrates as hub_owner (db/embedded-roles.sql); the
                // superuser is left to the sandbox, which creates its departments' databases on this server.
                resolved.put("spring.datasource.username", "hub_app");
                resolved.put("spring.datasource.password", "");
                if (!env.containsProperty("spring.flyway.user")) {
                    resolved.put("spring.flyway.user", "hub_owner");
                    resolved.put("spring.flyway.password", "");
                }
                resolved.put("hub.embedded.postgres.admin-user", "postgres");
            }
            if (needKafka) {
                int configured = embedded.kafka().port();
                int port = portOrFree(configured);
                int controllerPort = configured > 0 ? configured + 1 : portOrFree(0);
                int partitions = embedded.kafka().partitions();
                Path folder = dataDir.resolve("kafka");
                started.kafka = inBackground("embedded-kafka", () -> {
                    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(folder, port, controllerPort, partitions);
                    log.info("Embedded Kafka (KRaft) on {}, logs in {}", broker.bootstrapServers(), folder);
                    return broker;
                });
                resolved.put("hub.kafka.bootstrap-servers", "127.0.0.1:" + port);
            }
        } catch (IOException e) {
            started.destroy();
            throw new IllegalStateException("cannot start the embedded infrastructure in " + dataDir + ": " + e.getMessage(), e);
        }
        env.getPropertySources().addFirst(new MapPropertySource("hub-embedded", resolved));
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
            beans.registerSingleton("embeddedInfrastructure", started);
            beans.registerDisposableBean("embeddedInfrastructure", started);
            beans.addBeanPostProcessor(started.databaseFirst());
            beans.registerSingleton("embeddedBrokerReady", started.brokerBeforeTheLifecycle());
        }
    }

    private interface Start<T> {
        T start() throws Exception;
    }

    /** Starts on a daemon thread of its own: the context, which has no executor yet, goes on meanwhile. */
    private static <T> CompletableFuture<T> inBackground(String name, Start<T> start) {
        CompletableFuture<T> started = new CompletableFuture<>();
        SimpleAsyncTaskExecutor thread = new SimpleAsyncTaskExecutor(name + "-start-");
        thread.setDaemon(true);
        thread.execute(() -> {
            try {
                started.complete(start.start());
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        });
        return started;
    }

    /** The first data source is initialised once the embedded database accepts connections. */
    private BeanPostProcessor databaseFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) throws BeansException {
                if (bean instanceof DataSource && postgres != null) {
                    await(postgres, "PostgreSQL");
                }
                return bean;
            }
        };
    }

    /** The lifecycle (Camel, the pipeline, the feeds) starts once the embedded broker serves. */
    private SmartLifecycle brokerBeforeTheLifecycle() {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (kafka != null) {
                    await(kafka, "Kafka");
                }
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE;
            }
        };
    }

    private static <T> T await(CompletableFuture<T> starting, String what) {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded " + what + " did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedded " + what + " started", e);
        }
    }

    private static int portOrFree(int port) throws IOException {
        if (port > 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void destroy() {
        if (kafka != null) {
            try {
                await(kafka, "Kafka").close();
            } catch (RuntimeException e) {
                log.warn("Embedded Kafka did not stop cleanly: {}", e.getMessage());
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                await(postgres, "PostgreSQL").close();
            } catch (Exception e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            postgres = null;
        }
    }
}
