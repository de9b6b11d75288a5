package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.connector.DepartmentDataSources;
import gov.onceonly.hub.connector.FeedProgress;
import gov.onceonly.hub.connector.KafkaClientSettings;
import gov.onceonly.hub.connector.MaterialisedDatasets;
import gov.onceonly.hub.connector.SourceCalls;
import gov.onceonly.hub.connector.SourceLimits;
import gov.onceonly.hub.connector.TargetAnswers;
import gov.onceonly.hub.connector.TransportSecurity;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.materials.SuppliedMaterials;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.outbox.OutboxPruner;
import gov.onceonly.hub.outbox.OutboxRelay;
import gov.onceonly.hub.outbox.OutboxWakeup;
import gov.onceonly.hub.pipeline.ApplicationWorker;
import gov.onceonly.hub.pipeline.Backoff;
import gov.onceonly.hub.pipeline.CollectRetries;
import gov.onceonly.hub.pipeline.CollectStage;
import gov.onceonly.hub.pipeline.DeliveryRetries;
import gov.onceonly.hub.pipeline.DispatchStage;
import gov.onceonly.hub.pipeline.KafkaOffsets;
import gov.onceonly.hub.pipeline.KafkaTopics;
import gov.onceonly.hub.pipeline.ParallelWork;
import gov.onceonly.hub.pipeline.ParkedDeliveries;
import gov.onceonly.hub.pipeline.PipelineConsumer;
import gov.onceonly.hub.pipeline.RejectedMessages;
import gov.onceonly.hub.security.PayloadCipher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Wiring of the pipeline stages and the connector routes into Camel. Route definitions live in routes/. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, String> outboxProducer(Environment env, KafkaClientSettings kafkaClient) {
        return new KafkaProducer<>(kafkaClient.with(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.getRequiredProperty("hub.kafka.bootstrap-servers"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "hub-outbox-relay")),
                new StringSerializer(), new StringSerializer());
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, Producer<String, String> outboxProducer, Environment env,
                            Tracer tracer, Propagator propagator, ObjectMapper json) {
        return new OutboxRelay(jdbc, tx, outboxProducer, env.getProperty("hub.outbox.batch-size", Integer.class, 200),
                tracer, propagator, json);
    }

    /** Relays right after each commit that appended to the outbox; the outbox-relay route's poll is the fallback. */
    @Bean(destroyMethod = "close")
    OutboxWakeup outboxWakeup(OutboxRelay outboxRelay) {
        return new OutboxWakeup(outboxRelay::relayPending);
    }

    @Bean
    OutboxPruner outboxPruner(JdbcTemplate jdbc, Environment env) {
        return new OutboxPruner(jdbc, env.getProperty("hub.outbox.retention", Duration.class, Duration.ofHours(24)));
    }

    /**
     * The pipeline's workers: each works on one application at a time and forks its department calls onto the others
     * (ParallelWork). Threads start with the load and end after a minute idle, so an idle hub keeps none.
     */
    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor pipelineWorkers(Environment env) {
        int workers = env.getProperty("hub.pipeline.workers", Integer.class, 128);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "pipeline-worker-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Bean
    ParallelWork parallelWork(ThreadPoolExecutor pipelineWorkers, Tracer tracer) {
        return new ParallelWork(pipelineWorkers, tracer.currentTraceContext());
    }

    @Bean
    DepartmentCalls departmentCalls(CamelContext camel, ProducerTemplate producer, Tracer tracer) {
        return new DepartmentCalls(camel, producer, tracer);
    }

    @Bean
    RejectedMessages rejectedMessages(JdbcTemplate jdbc) {
        return new RejectedMessages(jdbc);
    }

    @Bean
    ParkedDeliveries parkedDeliveries(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store, Outbox outbox,
                                      ObjectMapper json, Environment env) {
        return new ParkedDeliveries(jdbc, tx, store, outbox, json, env.getRequiredProperty("hub.topics.deliveries"));
    }

    @Bean
    SuppliedMaterials suppliedMaterials(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store,
                                        BundleCatalog bundles, Outbox outbox, ObjectMapper json, Environment env) {
        return new SuppliedMaterials(jdbc, tx, store, bundles, outbox, json, env.getRequiredProperty("hub.topics.deliveries"));
    }

    @Bean
    CollectRetries collectRetries(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, ObjectMapper json, Environment env) {
        return new CollectRetries(jdbc, tx, outbox, json, env.getRequiredProperty("hub.topics.applications"),
                new CollectRetries.Policy(new Backoff(
                        Duration.ofMillis(env.getProperty("hub.collect.retry-delay-millis", Long.class, 2000L)),
                        Duration.ofMillis(env.getProperty("hub.collect.max-delay-millis", Long.class, 300_000L))),
                        env.getProperty("hub.collect.max-attempts", Integer.class, 12),
                        env.getProperty("hub.collect.max-age", Duration.class, Duration.ofHours(24))));
    }

    @Bean
    DeliveryRetries deliveryRetries(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, ObjectMapper json,
                                    Environment env) {
        return new DeliveryRetries(jdbc, tx, outbox, json, env.getRequiredProperty("hub.topics.deliveries"),
                new DeliveryRetries.Policy(new Backoff(
                        Duration.ofMillis(env.getProperty("hub.dispatch.retry-delay-millis", Long.class, 1000L)),
                        Duration.ofMillis(env.getProperty("hub.dispatch.max-delay-millis", Long.class, 300_000L))),
                        env.getProperty("hub.dispatch.max-attempts", Integer.class, 10),
                        env.getProperty("hub.dispatch.lost-after", Duration.class, Duration.ofMinutes(5))));
    }

    @Bean
    DispatchStage dispatchStage(ApplicationStore store, ObjectMapper json, DeliveryRetries deliveryRetries,
                                TransactionTemplate tx, EvidenceRecorder evidence, DepartmentCalls calls,
                                ParallelWork work, Environment env, Tracer tracer) {
        return new DispatchStage(store, json, deliveryRetries, tx, evidence, calls, work, new DispatchStage.QuickRetries(
                env.getProperty("hub.dispatch.max-redeliveries", Integer.class, 1),
                Duration.ofMillis(env.getProperty("hub.dispatch.redelivery-delay-millis", Long.class, 200L))), tracer);
    }

    @Bean
    CollectStage collectStage(BundleCatalog bundles, ApplicationStore store, TransactionTemplate tx,
                              CollectRetries collectRetries, EvidenceRecorder evidence, DepartmentCalls calls,
                              ParallelWork work, DispatchStage dispatch, Environment env, Tracer tracer) {
        return new CollectStage(bundles, store, tx, collectRetries, evidence, calls, work, dispatch,
                Duration.ofMillis(env.getProperty("hub.pipeline.collect-timeout-millis", Long.class, 10_000L)), tracer);
    }

    @Bean
    ApplicationWorker applicationWorker(ObjectMapper json, CollectStage collect, DispatchStage dispatch,
                                        RejectedMessages rejected, Tracer tracer, Propagator propagator) {
        return new ApplicationWorker(json, collect, dispatch, rejected, tracer, propagator);
    }

    /**
     * The applications and deliveries topics, read by one consumer group whose records the workers share. Started
     * once Camel runs (the department routes must exist), stopped before it stops (see PipelineLifecycle).
     */
    @Bean
    PipelineLifecycle pipelineConsumer(ApplicationWorker worker, ThreadPoolExecutor pipelineWorkers, Environment env,
                                       KafkaClientSettings kafkaClient) {
        int maxInFlight = env.getProperty("hub.pipeline.max-in-flight", Integer.class, 64);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.getRequiredProperty("hub.kafka.bootstrap-servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, env.getRequiredProperty("hub.kafka.group-prefix") + "-pipeline");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hub-pipeline");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxInFlight);
        // The broker answers a fetch at once when a record arrives; an idle consumer costs one fetch a second, and a
        // stop waits at most that long for the fetch in flight.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1000);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3000);
        String applications = env.getRequiredProperty("hub.topics.applications");
        String deliveries = env.getRequiredProperty("hub.topics.deliveries");
        return new PipelineLifecycle(() -> new PipelineConsumer(
                new KafkaConsumer<>(kafkaClient.with(config), new StringDeserializer(), new ByteArrayDeserializer()),
                Map.of(applications, worker::applicationReceived, deliveries, worker::deliveryQueued), pipelineWorkers,
                maxInFlight, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10)),
                Duration.ofSeconds(env.getProperty("camel.main.shutdown-timeout", Long.class, 10L))));
    }

    /** What the pipeline is doing now: records in flight, workers busy, applications collected by this instance. */
    @Bean
    MeterBinder pipelineMeters(PipelineLifecycle pipelineConsumer, ThreadPoolExecutor pipelineWorkers, CollectStage collect) {
        return registry -> {
            Gauge.builder("hub.pipeline.in.flight", pipelineConsumer, PipelineLifecycle::inFlight)
                    .description("Pipeline records handed to workers and not done yet").register(registry);
            Gauge.builder("hub.pipeline.workers.busy", pipelineWorkers, ThreadPoolExecutor::getActiveCount)
                    .description("Pipeline workers working on an application or a department call").register(registry);
            FunctionCounter.builder("hub.pipeline.collected", collect, CollectStage::collected)
                    .description("Applications collected and mapped by this instance").register(registry);
        };
    }

    /** Manual offset commits of the Kafka routes that remain Camel's: item-status and the streamed datasets' feeds. */
    @Bean
    KafkaOffsets kafkaOffsets() {
        return new KafkaOffsets();
    }

    @Bean
    SourceCalls sourceCalls(ConnectorCatalog connectors, ObjectMapper json, Environment env) {
        return new SourceCalls(connectors, json, SourceLimits.from(env));
    }

    /** Named for the http target template: {@code ref: targetAnswers}. */
    @Bean
    TargetAnswers targetAnswers(ConnectorCatalog connectors, Environment env) {
        return new TargetAnswers(connectors, SourceLimits.from(env).maxAnswerBytes());
    }

    @Bean
    MaterialisedDatasets materialisedDatasets(ConnectorCatalog connectors, JdbcTemplate jdbc, ObjectMapper json,
                                              FeedProgress feedProgress, PayloadCipher cipher, Environment env) {
        return new MaterialisedDatasets(connectors, jdbc, json, feedProgress, cipher, SourceLimits.from(env).maxFieldChars());
    }

    @Bean
    FeedProgress feedProgress(KafkaClientSettings kafkaClient) {
        return new FeedProgress(kafkaClient);
    }

    @Bean(destroyMethod = "close")
    DepartmentDataSources departmentDataSources() {
        return new DepartmentDataSources();
    }

    /**
     * Before Camel starts: creates the topics the pipeline consumes, then instantiates the connector route
     * templates (routes/ is loaded by then).
     */
    @Bean
    CamelContextConfiguration connectorRoutes(ConnectorCatalog connectors, Environment env, DepartmentDataSources dataSources,
                                              FeedProgress feedProgress, PipelineLifecycle pipelineConsumer,
                                              SslBundles sslBundles, KafkaClientSettings kafkaClient) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                if (!env.acceptsProfiles(Profiles.of(ProductionModeGuard.SANDBOX_PROFILE))
                        && !env.getProperty("hub.connectors.allow-plaintext", Boolean.class, false)) {
                    List<ConfigProblem> inClear = TransportSecurity.problems(connectors, env);
                    if (!inClear.isEmpty()) {
                        throw new ConfigFileException(inClear);
                    }
                }
                KafkaTopics.ensure(env.getRequiredProperty("hub.kafka.bootstrap-servers"), kafkaClient, List.of(
                        env.getRequiredProperty("hub.topics.applications"), env.getRequiredProperty("hub.topics.deliveries"),
                        env.getRequiredProperty("hub.topics.item-status")), new KafkaTopics.Replication(
                        Optional.ofNullable(env.getProperty("hub.kafka.replication-factor", Short.class)),
                        Optional.ofNullable(env.getProperty("hub.kafka.min-insync-replicas", Integer.class))));
                new ConnectorRoutes(connectors, env, dataSources, feedProgress, sslBundles).addTo(camel);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                pipelineConsumer.start();
            }
        };
    }
}
