package gov.onceonly.hub.reliability;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message that no number of readings can make acceptable never holds up its partition: it is kept for an
 * operator (or its application marked for attention), its offset committed, and the messages behind it on the
 * same partition go through.
 */
class PoisonMessagesIT extends HubIntegrationTest {

    @Autowired
    ApplicationStore store;

    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${hub.topics.applications}")
    String applicationsTopic;
    @Value("${hub.topics.deliveries}")
    String deliveriesTopic;
    @Value("${hub.topics.item-status}")
    String statusTopic;

    @Test
    void anUnreadableApplicationMessageIsKeptAndTheNextOneIsCollected() throws Exception {
        UUID copy = receivedCopyOf(delivered(familiesWithBirthRecords().get(50)), "newborn");
        String marker = UUID.randomUUID().toString();
        send(applicationsTopic, copy.toString(), ("not json " + marker).getBytes(StandardCharsets.UTF_8));
        send(applicationsTopic, copy.toString(), received(copy));

        await().atMost(Duration.ofSeconds(30)).until(() -> !"RECEIVED".equals(status(copy)));
        assertThat(status(copy)).as("collected").isIn("DISPATCHING", "DELIVERED", "IN_PROGRESS", "COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from rejected_pipeline_message where topic = ? and payload like ?",
                Long.class, applicationsTopic, "%" + marker + "%")).isEqualTo(1);
    }

    @Test
    void anApplicationWhoseBundleIsNoLongerServedNeedsAttentionAndTheNextOneIsCollected() throws Exception {
        UUID source = delivered(familiesWithBirthRecords().get(51));
        UUID withdrawn = receivedCopyOf(source, "withdrawn-bundle");
        UUID next = receivedCopyOf(source, "newborn");
        String key = UUID.randomUUID().toString(); // one key, so one partition, the withdrawn one first
        send(applicationsTopic, key, received(withdrawn));
        send(applicationsTopic, key, received(next));

        await().atMost(Duration.ofSeconds(30)).until(() -> "NEEDS_ATTENTION".equals(status(withdrawn)));
        assertThat(jdbc.queryForObject("select attention_reason from application where id = ?", String.class, withdrawn))
                .contains("withdrawn-bundle");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RECEIVED".equals(status(next)));
    }

    @Test
    void anUnreadableDeliveryMessageIsKept() throws Exception {
        String marker = UUID.randomUUID().toString();
        send(deliveriesTopic, marker, ("{\"applicationId\":\"" + marker + "\",\"priority\":1}").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from rejected_pipeline_message where topic = ? and payload like ?",
                Long.class, deliveriesTopic, "%" + marker + "%") == 1);
    }

    @Test
    void aStatusMessageWithNulCharactersIsKeptWithoutThemAndTheNextOneApplies() throws Exception {
        UUID id = delivered(familiesWithBirthRecords().get(52));
        String marker = UUID.randomUUID().toString();
        byte[] raw = ("{\"applicationId\":\"" + id + "\",\"item\":\"medical-insurance\",\"status\":\"ACC\0EPTED\",\"eventId\":\""
                + marker + "\"}").getBytes(StandardCharsets.UTF_8);
        send(statusTopic, id.toString(), raw);
        send(statusTopic, id.toString(), ("{\"applicationId\":\"" + id + "\",\"item\":\"medical-insurance\","
                + "\"status\":\"DONE\",\"result\":\"准予\\u0000登记\",\"eventId\":\"x-" + marker + "\"}").getBytes(StandardCharsets.UTF_8));
        send(statusTopic, id.toString(), ("{\"applicationId\":\"" + id + "\",\"item\":\"medical-insurance\","
                + "\"status\":\"ACCEPTED\"}").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(jdbc.queryForObject(
                "select status from application_item where application_id = ? and item_id = 'medical-insurance'", String.class, id)));
        List<String> kept = new java.util.ArrayList<>();
        hub.body(hub.asOperator().get("/api/v1/ops/rejected-status-reports?limit=500")).forEach(r -> {
            if (r.path("payload").asText().contains(marker)) {
                kept.add(r.path("payload").asText());
            }
        });
        assertThat(kept).hasSize(2).allSatisfy(payload -> assertThat(payload).doesNotContain("\0"));
    }

    private UUID delivered(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        return UUID.fromString(hub.awaitEveryItemDelivered(statusUrl).path("id").asText());
    }

    @Test
    void anApplicationWhoseSealedFormDoesNotOpenNeedsAttentionAndTheNextOneIsCollected() throws Exception {
        UUID source = delivered(familiesWithBirthRecords().get(53));
        UUID moved = UUID.randomUUID();
        // The form copied as it is into another row: it was sealed for its own row, and does not open in this one.
        jdbc.update("""
                insert into application (id, bundle_id, mapping_version, subject_key, consent, form, status,
                                         created_at, updated_at)
                select ?, bundle_id, mapping_version, subject_key, consent, form, 'RECEIVED', now(), now()
                from application where id = ?""", moved, source);
        UUID next = receivedCopyOf(source, "newborn");
        String key = UUID.randomUUID().toString();
        send(applicationsTopic, key, received(moved));
        send(applicationsTopic, key, received(next));

        await().atMost(Duration.ofSeconds(30)).until(() -> "NEEDS_ATTENTION".equals(status(moved)));
        assertThat(jdbc.queryForObject("select attention_reason from application where id = ?", String.class, moved))
                .contains("does not open");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RECEIVED".equals(status(next)));
    }

    /**
     * A fresh application as intake would store it, the same as an earlier one but for its bundle (its form and
     * consent sealed again for its own row: a sealed payload opens only in the row it was sealed for).
     */
    private UUID receivedCopyOf(UUID source, String bundle) {
        UUID id = UUID.randomUUID();
        var form = store.opened(ApplicationStore.FORM, source,
                jdbc.queryForObject("select form::text from application where id = ?", String.class, source));
        var consent = store.opened(ApplicationStore.CONSENT, source,
                jdbc.queryForObject("select consent::text from application where id = ?", String.class, source));
        jdbc.update("""
                insert into application (id, bundle_id, mapping_version, subject_key, consent, form, status,
                                         created_at, updated_at)
                select ?, ?, mapping_version, subject_key, ?::jsonb, ?::jsonb, 'RECEIVED', now(), now()
                from application where id = ?""", id, bundle, store.sealed(ApplicationStore.CONSENT, id, consent),
                store.sealed(ApplicationStore.FORM, id, form), source);
        return id;
    }

    private static byte[] received(UUID id) {
        return ("{\"applicationId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from application where id = ?", String.class, id);
    }

    private void send(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
