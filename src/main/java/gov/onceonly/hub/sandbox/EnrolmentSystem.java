package gov.onceonly.hub.sandbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 市医保局's enrolment system: reads enrolment requests from its topic into the inbox, by Idempotency-Key. */
final class EnrolmentSystem implements AutoCloseable {

    static final String TOPIC = "ybj.enrolment-requests";
    static final String SYSTEM = "ybj-enrolment";

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    EnrolmentSystem(String bootstrapServers, String groupPrefix, ApprovalInbox inbox) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-sandbox-ybj-enrolment",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        thread = new Thread(() -> run(inbox), "sandbox-ybj-enrolment");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(ApprovalInbox inbox) {
        try {
            consumer.subscribe(List.of(TOPIC));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header key = record.headers().lastHeader("Idempotency-Key");
                    inbox.receive(SYSTEM, key == null ? null : new String(key.value(), StandardCharsets.UTF_8), record.value());
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
