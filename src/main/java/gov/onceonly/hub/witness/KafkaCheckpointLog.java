package gov.onceonly.hub.witness;

import gov.onceonly.hub.connector.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Witnessed checkpoints on a compacted Kafka topic, keyed by tree size: compaction keeps one record per size, so the
 * topic holds every checkpoint for as long as it exists, and a consumer from the start reads them all. Sent with
 * acks=all before the checkpoint counts as published.
 */
public final class KafkaCheckpointLog implements CheckpointLog {

    private final String bootstrapServers;
    private final KafkaClientSettings settings;
    private final String topic;
    private KafkaProducer<String, String> producer;

    public KafkaCheckpointLog(String bootstrapServers, KafkaClientSettings settings, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
        this.topic = topic;
    }

    @Override
    public void append(long size, String witnessedNote) throws Exception {
        producer().send(new ProducerRecord<>(topic, Long.toString(size), witnessedNote)).get(30, TimeUnit.SECONDS);
    }

    /** Created at the first checkpoint, when the broker is surely up. */
    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            ensureCompacted(bootstrapServers, settings, topic);
            producer = new KafkaProducer<>(settings.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.CLIENT_ID_CONFIG, "hub-evidence-checkpoints")), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static void ensureCompacted(String bootstrapServers, KafkaClientSettings settings, String topic) {
        try (Admin admin = Admin.create(settings.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the checkpoint topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the checkpoint topic " + topic, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not create " + topic + " within 30 s", e);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    @Override
    public String toString() {
        return "topic " + topic;
    }
}
