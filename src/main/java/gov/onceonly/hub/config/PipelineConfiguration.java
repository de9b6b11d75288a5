package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.connector.DepartmentDataSources;
import gov.onceonly.hub.connector.FeedProgress;
import gov.onceonly.hub.connector.MaterialisedDatasets;
import gov.onceonly.hub.connector.SourceCalls;
import gov.onceonly.hub.connector.SourceLimits;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.materials.SuppliedMaterials;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.outbox.OutboxPruner;
import gov.onceonly.hub.outbox.OutboxRelay;
import gov.onceonly.hub.outbox.OutboxWakeup;
import gov.onceonly.hub.pipeline.Backoff;
import gov.onceonly.hub.pipeline.CollectRetries;
import gov.onceonly.hub.pipeline.DeliveryRetries;
import gov.onceonly.hub.pipeline.CollectStage;
import gov.onceonly.hub.pipeline.DispatchStage;
import gov.onceonly.hub.pipeline.FetchAnswersAggregation;
import gov.onceonly.hub.pipeline.KafkaOffsets;
import gov.onceonly.hub.pipeline.KafkaTopics;
import gov.onceonly.hub.pipeline.ParkedDeliveries;
import gov.onceonly.hub.pipeline.RejectedMessages;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import gov.onceonly.hub.security.PayloadCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Wiring of the pipeline stages and the connector routes into Camel. Route definitions live in routes/. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, String> outboxProducer(Environment env) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.getRequiredProperty("hub.kafka.bootstrap-servers"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "hub-outbox-relay"),
                new StringSerializer(), new StringSerializer());
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, Producer<String, String> outboxProducer, Environment env) {
        return new OutboxRelay(jdbc, tx, outboxProducer, env.getProperty("hub.outbox.batch-size", Integer.class, 200));
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

    @Bean
    CollectStage collectStage(BundleCatalog bundles, ApplicationStore store, Outbox outbox, TransactionTemplate tx,
                              ObjectMapper json, Environment env, CollectRetries collectRetries,
                              RejectedMessages rejectedMessages, EvidenceRecorder evidence) {
        return new CollectStage(bundles, store, outbox, tx, json, env.getRequiredProperty("hub.topics.deliveries"),
                collectRetries, rejectedMessages, evidence);
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
    DispatchStage dispatchStage(ApplicationStore store, ObjectMapper json, DeliveryRetries deliveryRetries,
                                RejectedMessages rejectedMessages, TransactionTemplate tx, EvidenceRecorder evidence) {
        return new DispatchStage(store, json, deliveryRetries, rejectedMessages, tx, evidence);
    }

    @Bean
    DeliveryRetries deliveryRetries(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store, Outbox outbox,
                                    ObjectMapper json, Environment env) {
        return new DeliveryRetries(jdbc, tx, store, outbox, json, env.getRequiredProperty("hub.topics.deliveries"),
                new DeliveryRetries.Policy(new Backoff(
                        Duration.ofMillis(env.getProperty("hub.dispatch.retry-delay-millis", Long.class, 1000L)),
                        Duration.ofMillis(env.getProperty("hub.dispatch.max-delay-millis", Long.class, 300_000L))),
                        env.getProperty("hub.dispatch.max-attempts", Integer.class, 10),
                        env.getProperty("hub.dispatch.lost-after", Duration.class, Duration.ofMinutes(5))));
    }

    @Bean
    KafkaOffsets kafkaOffsets() {
        return new KafkaOffsets();
    }

    @Bean
    FetchAnswersAggregation fetchAnswers() {
        return new FetchAnswersAggregation();
    }

    @Bean
    SourceCalls sourceCalls(ConnectorCatalog connectors, ObjectMapper json, Environment env) {
        SourceLimits limits = SourceLimits.from(env);
        return new SourceCalls(connectors, json, limits.maxAnswerBytes(), limits.maxFieldChars());
    }

    @Bean
    MaterialisedDatasets materialisedDatasets(ConnectorCatalog connectors, JdbcTemplate jdbc, ObjectMapper json,
                                              FeedProgress feedProgress, PayloadCipher cipher, Environment env) {
        return new MaterialisedDatasets(connectors, jdbc, json, feedProgress, cipher, SourceLimits.from(env).maxFieldChars());
    }

    @Bean
    FeedProgress feedProgress() {
        return new FeedProgress();
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
                                              FeedProgress feedProgress) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                KafkaTopics.ensure(env.getRequiredProperty("hub.kafka.bootstrap-servers"), List.of(
                        env.getRequiredProperty("hub.topics.applications"), env.getRequiredProperty("hub.topics.deliveries"),
                        env.getRequiredProperty("hub.topics.item-status")));
                new ConnectorRoutes(connectors, env, dataSources, feedProgress).addTo(camel);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }
}
