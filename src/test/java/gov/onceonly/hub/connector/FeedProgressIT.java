package gov.onceonly.hub.connector;

import gov.onceonly.hub.HubIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A streamed dataset whose partitions another hub instance consumes: this instance sees it caught up once the
 * shared group has committed past the offsets it started with, though it consumed nothing itself.
 */
class FeedProgressIT extends HubIntegrationTest {

    @Value("${hub.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void aFeedCatchesUpOnWhatAnotherInstanceOfItsGroupCommitted() throws Exception {
        String topic = "feed-progress-it";
        String group = "feed-progress-it-group";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "{}")).get();
                }
            }
            FeedProgress progress = new FeedProgress();
            progress.track("other-instance", "records", topic, group, brokers);
            assertThat(progress.caughtUp("other-instance", "records")).as("nothing stored yet").isFalse();

            // The other instance stores partition 0 and commits; partition 1 is still behind.
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)))
                    .all().get(30, TimeUnit.SECONDS);
            Thread.sleep(1100);
            assertThat(progress.caughtUp("other-instance", "records")).isFalse();

            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 1), new OffsetAndMetadata(5)))
                    .all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> progress.caughtUp("other-instance", "records"));
        }
    }
}
