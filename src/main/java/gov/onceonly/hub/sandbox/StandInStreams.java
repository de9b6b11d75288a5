package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.pipeline.KafkaTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kafka stand-ins. A source publishes each record of its fixtures to its dataset's topic, with the dataset's key
 * field set, as a department's change feed would; publishing again after an edit is harmless, the hub keeps the latest
 * record per key. A target's topic is read by one consumer of the sandbox, which keeps what arrives in the inbox by
 * Idempotency-Key (as {@link CatalogueStreams} does for the catalogue's targets); the topics it reads follow the
 * fixtures folder.
 */
final class StandInStreams implements AutoCloseable {

    private final String kafka;
    private final ObjectMapper json;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    /** Each target stand-in's topic, and the connector it is for; read by the consumer's thread. */
    private final Map<String, String> targets = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    StandInStreams(String kafka, String groupPrefix, ApprovalInbox inbox, ObjectMapper json) {
        this.kafka = kafka;
        this.json = json;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                // as CatalogueStreams: an idempotent producer can stall on a topic created a moment ago
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "sandbox-stand-in-publisher"), new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-sandbox-stand-in-targets",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        thread = new Thread(() -> run(inbox), "sandbox-stand-in-targets");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Publishes a dataset's records to its topic, each with {@code keyField} set to its key, and waits until the
     * broker has them all.
     */
    void publish(String topic, String keyField, Map<String, Map<String, Object>> records) throws JsonProcessingException {
        KafkaTopics.ensure(kafka, List.of(topic));
        for (Map.Entry<String, Map<String, Object>> record : records.entrySet()) {
            Map<String, Object> message = new LinkedHashMap<>(record.getValue());
            message.put(keyField, record.getKey());
            producer.send(new ProducerRecord<>(topic, record.getKey(), json.writeValueAsString(message)));
        }
        producer.flush();
    }

    /** The target stand-ins now: topic to connector; the consumer subscribes to exactly these at its next poll. */
    void targets(Map<String, String> byTopic) {
        if (!byTopic.isEmpty()) {
            KafkaTopics.ensure(kafka, byTopic.keySet());
        }
        targets.keySet().retainAll(byTopic.keySet());
        targets.putAll(byTopic);
    }

    private void run(ApprovalInbox inbox) {
        java.util.Set<String> subscribed = java.util.Set.of();
        try {
            while (running) {
                java.util.Set<String> wanted = java.util.Set.copyOf(targets.keySet());
                if (!wanted.equals(subscribed)) {
                    if (wanted.isEmpty()) {
                        consumer.unsubscribe();
                    } else {
                        consumer.subscribe(wanted);
                    }
                    subscribed = wanted;
                }
                if (subscribed.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header key = record.headers().lastHeader("Idempotency-Key");
                    String connector = targets.get(record.topic());
                    if (connector != null) {
                        inbox.receive(connector, key == null ? null : new String(key.value(), StandardCharsets.UTF_8),
                                record.value());
                    }
                }
            }
        } catch (WakeupException | InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
        producer.close(Duration.ofSeconds(5));
    }
}
