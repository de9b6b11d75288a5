package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's Kafka departments. Sources: the housing fund, the tax bureau and medical insurance publish their
 * datasets as streams, as a department's change feed would. Targets: the back offices that read item records from
 * their own topics keep them in the inbox by Idempotency-Key, like {@link EnrolmentSystem}.
 */
final class CatalogueStreams implements AutoCloseable {

    /** A published dataset: its topic and the field of each record that carries the key. */
    record Stream(String dataset, String topic, String keyField) {
    }

    static final List<Stream> SOURCES = List.of(
            new Stream("gjj-housing-fund/account", "gjj.accounts", "idNumber"),
            new Stream("gjj-housing-fund/employer-account", "gjj.employer-accounts", "creditCode"),
            new Stream("swj-taxpayers/taxpayer", "swj.taxpayers", "creditCode"),
            new Stream("swj-taxpayers/individual-income", "swj.individual-income", "idNumber"),
            new Stream("ybj-insured-persons/insured-employer", "ybj.insured-employers", "creditCode"),
            // the catalogue's residents join the newborn mothers on the insured-persons stream
            new Stream("ybj-insured-persons/insured", InsuredPersonsPublisher.TOPIC, "idNumber"));

    /** Each Kafka target connector's topic. */
    static final Map<String, String> TARGETS = Map.of(
            "rlsb.business-requests", "rlsb-business",
            "gjj.business-requests", "gjj-business",
            "jw.service-requests", "jw-services",
            "finance.bank-requests", "finance-collaboration",
            "banks.service-requests", "bank-services",
            "utilities.transfer-requests", "utilities-transfer");

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private CatalogueStreams(String bootstrapServers, String groupPrefix, ApprovalInbox inbox) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-sandbox-catalogue-targets",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        thread = new Thread(() -> run(inbox), "sandbox-catalogue-targets");
        thread.setDaemon(true);
        thread.start();
    }

    static List<String> topics() {
        List<String> topics = new ArrayList<>(TARGETS.keySet());
        SOURCES.forEach(s -> topics.add(s.topic()));
        return topics;
    }

    /** Publishes every record of the streamed datasets, then starts the target systems' consumer. */
    static CatalogueStreams start(String bootstrapServers, String groupPrefix, SandboxRecords records, ApprovalInbox inbox,
                                  ObjectMapper json) throws IOException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                // Not idempotent: on a topic created a moment ago an idempotent producer can stall for its whole delivery
                // timeout on sequence errors. A repeated record is harmless, the hub keeps the latest per key.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "sandbox-catalogue-publisher"), new StringSerializer(), new StringSerializer())) {
            for (Stream stream : SOURCES) {
                for (Map.Entry<String, Map<String, Object>> record : records.all(stream.dataset()).entrySet()) {
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put(stream.keyField(), record.getKey());
                    message.putAll(record.getValue());
                    producer.send(new ProducerRecord<>(stream.topic(), record.getKey(), json.writeValueAsString(message)));
                }
            }
            producer.flush();
        }
        return new CatalogueStreams(bootstrapServers, groupPrefix, inbox);
    }

    private void run(ApprovalInbox inbox) {
        try {
            consumer.subscribe(List.copyOf(TARGETS.keySet()));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header key = record.headers().lastHeader("Idempotency-Key");
                    inbox.receive(TARGETS.get(record.topic()), key == null ? null : new String(key.value(), StandardCharsets.UTF_8),
                            record.value());
                }
            }
        } catch (WakeupException e) {
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
    }
}
