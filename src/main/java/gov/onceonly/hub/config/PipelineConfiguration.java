package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.api.JsonProperties;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.connector.ConnectorsProperties;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.connector.DepartmentDataSources;
import gov.onceonly.hub.connector.FeedProgress;
import gov.onceonly.hub.connector.KafkaClientSettings;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.connector.MaterialisedDatasets;
import gov.onceonly.hub.connector.SourceCalls;
import gov.onceonly.hub.connector.SourceLimits;
import gov.onceonly.hub.connector.SourcesProperties;
import gov.onceonly.hub.connector.TargetAnswers;
import gov.onceonly.hub.connector.TransportSecurity;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.materials.SuppliedMaterials;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.outbox.OutboxProperties;
import gov.onceonly.hub.outbox.OutboxPruner;
import gov.onceonly.hub.outbox.OutboxRelay;
import gov.onceonly.hub.outbox.OutboxWakeup;
import gov.onceonly.hub.pipeline.ApplicationWorker;
import gov.onceonly.hub.pipeline.Backoff;
import gov.onceonly.hub.pipeline.CollectProperties;
import gov.onceonly.hub.pipeline.CollectRetries;
import gov.onceonly.hub.pipeline.CollectStage;
import gov.onceonly.hub.pipeline.DeliveryRetries;
import gov.onceonly.hub.pipeline.DispatchProperties;
import gov.onceonly.hub.pipeline.DispatchStage;
import gov.onceonly.hub.pipeline.KafkaOffsets;
import gov.onceonly.hub.pipeline.KafkaTopics;
import gov.onceonly.hub.pipeline.ParallelWork;
import gov.onceonly.hub.pipeline.ParkedDeliveries;
import gov.onceonly.hub.pipeline.PipelineConsumer;
import gov.onceonly.hub.pipeline.PipelineProperties;
import gov.onceonly.hub.pipeline.RejectedMessages;
import gov.onceonly.hub.pipeline.TopicsProperties;
import gov.onceonly.hub.security.PayloadCipher;
import gov.onceonly.hub.schedule.ClusterLock;
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
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
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
    Producer<String, String> outboxProducer(KafkaProperties kafka, KafkaClientSettings kafkaClient) {
        return new KafkaProducer<>(kafkaClient.with(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "hub-outbox-relay")),
                new StringSerializer(), new StringSerializer());
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, Producer<String, String> outboxProducer,
                            OutboxProperties outbox, Tracer tracer, Propagator propagator, ObjectMapper json) {
        return new OutboxRelay(jdbc, tx, outboxProducer, outbox.batchSize(), tracer, propagator, json);
    }

    /** Relays right after each commit that appended to the outbox; the outbox-relay route's poll is the fallback. */
    @Bean(destroyMethod = "close")
    OutboxWakeup outboxWakeup(OutboxRelay outboxRelay, ThreadPoolExecutor pipelineWorkers) {
        return new OutboxWakeup(outboxRelay::relayPending, pipelineWorkers);
    }

    @Bean
    OutboxPruner outboxPruner(JdbcTemplate jdbc, ClusterLock lock, OutboxProperties outbox) {
        return new OutboxPruner(jdbc, outbox.retention(), lock);
    }

    /**
     * The pipeline's workers: each works on one application at a time and forks its department calls onto the others
     * (ParallelWork). Threads start with the load and end after a minute idle, so an idle hub keeps none.
     */
    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor pipelineWorkers(PipelineProperties pipeline) {
        int workers = pipeline.workers();
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
                                      ObjectMapper json, TopicsProperties topics) {
        return new ParkedDeliveries(jdbc, tx, store, outbox, json, topics.deliveries());
    }

    @Bean
    SuppliedMaterials suppliedMaterials(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store,
                                        BundleCatalog bundles, Outbox outbox, ObjectMapper json, TopicsProperties topics) {
        return new SuppliedMaterials(jdbc, tx, store, bundles, outbox, json, topics.deliveries());
    }

    @Bean
    CollectRetries collectRetries(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, ObjectMapper json,
                                  TopicsProperties topics, CollectProperties collect) {
        return new CollectRetries(jdbc, tx, outbox, json, topics.applications(),
                new CollectRetries.Policy(collect.backoff(), collect.maxAttempts(), collect.maxAge()));
    }

    @Bean
    DeliveryRetries deliveryRetries(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, ObjectMapper json,
                                    TopicsProperties topics, DispatchProperties dispatch) {
        return new DeliveryRetries(jdbc, tx, outbox, json, topics.deliveries(),
                new DeliveryRetries.Policy(dispatch.backoff(), dispatch.maxAttempts(), dispatch.lostAfter()));
    }

    @Bean
    DispatchStage dispatchStage(ApplicationStore store, ObjectMapper json, DeliveryRetries deliveryRetries,
                                TransactionTemplate tx, EvidenceRecorder evidence, DepartmentCalls calls,
                                ParallelWork work, DispatchProperties dispatch, Tracer tracer) {
        return new DispatchStage(store, json, deliveryRetries, tx, evidence, calls, work, new DispatchStage.QuickRetries(
                dispatch.maxRedeliveries(), Duration.ofMillis(dispatch.redeliveryDelayMillis())), tracer);
    }

    @Bean
    CollectStage collectStage(BundleCatalog bundles, ApplicationStore store, TransactionTemplate tx,
                              CollectRetries collectRetries, EvidenceRecorder evidence, DepartmentCalls calls,
                              ParallelWork work, DispatchStage dispatch, PipelineProperties pipeline, Tracer tracer) {
        return new CollectStage(bundles, store, tx, collectRetries, evidence, calls, work, dispatch,
                Duration.ofMillis(pipeline.collectTimeoutMillis()), tracer);
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
                                       PipelineProperties pipeline, KafkaProperties kafka, TopicsProperties topics,
                                       KafkaClientSettings kafkaClient) {
        int maxInFlight = pipeline.maxInFlight();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.groupPrefix() + "-pipeline");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hub-pipeline");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxInFlight);
        // The broker answers a fetch at once when a record arrives; an idle consumer costs one fetch a second, and a
        // stop waits at most that long for the fetch in flight.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1000);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3000);
        String applications = topics.applications();
        String deliveries = topics.deliveries();
        return new PipelineLifecycle(() -> new PipelineConsumer(
                new KafkaConsumer<>(kafkaClient.with(config), new StringDeserializer(), new ByteArrayDeserializer()),
                Map.of(applications, worker::applicationReceived, deliveries, worker::deliveryQueued), pipelineWorkers,
                maxInFlight, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10)),
                // Camel's own setting, not the hub's: read where the hub is wired.
                Duration.ofSeconds(env.getProperty("camel.main.shutdown-timeout", Long.class, 10L)),
                new CustomizableThreadFactory("pipeline-consumer-")));
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
    SourceCalls sourceCalls(ConnectorCatalog connectors, ObjectMapper json, SourceLimits limits) {
        return new SourceCalls(connectors, json, limits);
    }

    /** hub.sources.*, checked against the JSON parser's hub.json.max-string-chars: the hub refuses to start past it. */
    @Bean
    SourceLimits sourceLimits(SourcesProperties sources, JsonProperties json) {
        return SourceLimits.of(sources, json.maxStringChars());
    }

    /** Named for the http target template: {@code ref: targetAnswers}. */
    @Bean
    TargetAnswers targetAnswers(ConnectorCatalog connectors, SourceLimits limits) {
        return new TargetAnswers(connectors, limits.maxAnswerBytes());
    }

    @Bean
    MaterialisedDatasets materialisedDatasets(ConnectorCatalog connectors, JdbcTemplate jdbc, ObjectMapper json,
                                              FeedProgress feedProgress, PayloadCipher cipher, SourceLimits limits) {
        return new MaterialisedDatasets(connectors, jdbc, json, feedProgress, cipher, limits.maxFieldChars());
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
                                              SslBundles sslBundles, KafkaClientSettings kafkaClient, KafkaProperties kafka,
                                              TopicsProperties topics, SourcesProperties sources,
                                              ConnectorsProperties connectorSettings) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                if (!env.acceptsProfiles(Profiles.of(ProductionModeGuard.SANDBOX_PROFILE))
                        && !connectorSettings.allowPlaintext()) {
                    // env resolves the connector files' ${...}; Camel's own Kafka protocol option is read here.
                    List<ConfigProblem> inClear = TransportSecurity.problems(connectors, env, kafka,
                            env.getProperty("camel.component.kafka.security-protocol"));
                    if (!inClear.isEmpty()) {
                        throw new ConfigFileException(inClear);
                    }
                }
                KafkaTopics.ensure(kafka.bootstrapServers(), kafkaClient, List.of(
                        topics.applications(), topics.deliveries(), topics.itemStatus()), replication(kafka));
                new ConnectorRoutes(connectors, env, kafka, sources, dataSources, feedProgress, sslBundles).addTo(camel);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                pipelineConsumer.start();
            }
        };
    }

    /** How the hub's topics are replicated when it creates them (hub.kafka.replication-factor, .min-insync-replicas). */
    static KafkaTopics.Replication replication(KafkaProperties kafka) {
        return new KafkaTopics.Replication(Optional.ofNullable(kafka.replicationFactor()),
                Optional.ofNullable(kafka.minInsyncReplicas()));
    }
}
