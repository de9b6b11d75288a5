package gov.onceonly.hub.witness;

import gov.onceonly.hub.connector.KafkaClientSettings;
import gov.onceonly.hub.pipeline.KafkaTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Witnessed checkpoints on a compacted Kafka topic (made as the hub's other topics are, {@link KafkaTopics}), keyed
 * by tree size: compaction keeps one record per size, so the
 * topic holds every checkpoint for as long as it exists, and a consumer from the start reads them all. Sent with
 * acks=all before the checkpoint counts as published.
 */
public final class KafkaCheckpointLog implements CheckpointLog {

    private final String bootstrapServers;
    private final KafkaClientSettings settings;
    private final String topic;
    private final KafkaTopics.Replication replication;
    private KafkaProducer<String, String> producer;

    /** {@code replication}: as the hub's other topics; the log is compacted whatever it says. */
    public KafkaCheckpointLog(String bootstrapServers, KafkaClientSettings settings, String topic,
                              KafkaTopics.Replication replication) {
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
        this.topic = topic;
        this.replication = replication.withCompaction();
    }

    @Override
    public void append(long size, String witnessedNote) throws Exception {
        producer().send(new ProducerRecord<>(topic, Long.toString(size), witnessedNote)).get(30, TimeUnit.SECONDS);
    }

    /** Created at the first checkpoint, when the broker is surely up. */
    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            KafkaTopics.ensure(bootstrapServers, settings, List.of(topic), replication);
            producer = new KafkaProducer<>(settings.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.CLIENT_ID_CONFIG, "hub-evidence-checkpoints")), new StringSerializer(), new StringSerializer());
        }
        return producer;
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
