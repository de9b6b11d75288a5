package gov.onceonly.hub.reliability;

import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A delivery is never left PENDING with nothing to send it: a message the dispatch stage could not read because
 * the database was away is read again, not committed; and a queued delivery whose message was lost all the same
 * is queued again by the retry sweeper.
 */
class LostDeliveryIT extends HubIntegrationTest {

    private static final String ITEM = "social-security-card";

    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${hub.topics.deliveries}")
    String deliveriesTopic;

    /** The deliveries are this test's to follow: the departments leave what they receive undecided. */
    @org.junit.jupiter.api.BeforeEach
    void departmentsWait() {
        departmentsDecide(false);
    }

    @Test
    void aDeliveryReadWhileTheDatabaseIsAwayIsReadAgainWhenItIsBack() throws Exception {
        UUID id = delivered(familiesWithBirthRecords().get(40));
        pending(id, "now()");
        try (KafkaProducer<String, String> producer = producer()) {
            superuser.execute("alter table application_item rename to application_item_away");
            try {
                producer.send(new ProducerRecord<>(deliveriesTopic, id.toString(),
                        "{\"applicationId\":\"" + id + "\",\"itemId\":\"" + ITEM + "\"}")).get();
                Thread.sleep(3_000); // the stage fails to read the item, past its in-place redeliveries
            } finally {
                superuser.execute("alter table application_item_away rename to application_item");
            }
        }
        awaitDelivered(id, Duration.ofSeconds(30));
    }

    @Test
    void aQueuedDeliveryNotSentForTooLongIsQueuedAgain() throws Exception {
        UUID id = delivered(familiesWithBirthRecords().get(41));
        pending(id, "now() - interval '1 hour'"); // its message was committed without sending it, long ago
        awaitDelivered(id, Duration.ofSeconds(20));
    }

    private UUID delivered(SyntheticPeople.Family family) throws Exception {
        return UUID.fromString(newbornWithEveryItemDelivered(family));
    }

    /** The item as it is between being queued and being sent. */
    private void pending(UUID id, String updatedAt) {
        jdbc.update("update application_item set status = 'PENDING', delivered_at = null, next_delivery_at = null, "
                + "updated_at = " + updatedAt + " where application_id = ? and item_id = ?", id, ITEM);
    }

    private void awaitDelivered(UUID id, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> "DELIVERED".equals(jdbc.queryForObject(
                "select status from application_item where application_id = ? and item_id = ?", String.class, id, ITEM)));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }
}
