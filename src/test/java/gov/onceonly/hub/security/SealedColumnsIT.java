package gov.onceonly.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The columns the security review found in clear: an agent's ID number in the consent, a department's report
 * details, a refused status message, and the applicant's name as typed (no longer kept). Each holds only sealed
 * text at rest, and each still reads back where it is shown.
 */
class SealedColumnsIT extends HubIntegrationTest {

    @Autowired
    SandboxApplications applications;
    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${hub.topics.item-status}")
    String statusTopic;

    @Test
    void theConsentOfAnAgentIsSealedAndTheApplicantsNameIsNotKept() throws Exception {
        String sample = applications.sample("business-startup").json();
        String agent = json.readTree(sample).path("applicant").path("idNumber").asText();
        assertThat(agent).hasSize(18);
        UUID id = id(hub.submit(sample));

        String consent = jdbc.queryForObject("select consent::text from application where id = ?", String.class, id);
        assertThat(PayloadCipher.isSealed(consent)).as(consent).isTrue();
        assertThat(consent).doesNotContain(agent).doesNotContain("datasets");
        assertThat(jdbc.queryForObject("""
                select count(*) from information_schema.columns
                where table_name = 'application' and column_name = 'applicant_name'""", Integer.class)).isZero();
    }

    @Test
    void aDepartmentsReportDetailsAreSealedAndShownInTheTimeline() throws Exception {
        departmentsDecide(false); // this test is 市卫生健康委
        var family = familiesWithBirthRecords().get(171);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        UUID id = id(statusUrl);
        awaitItemDelivered(statusUrl, "birth-certificate");
        String reason = "出生医学证明与医院记录不符 " + family.mother().idNumber();
        assertThat(hub.reportStatus(id.toString(), "birth-certificate",
                "{\"status\":\"REJECTED\",\"reason\":\"" + reason + "\"}").statusCode()).isEqualTo(200);

        String details = jdbc.queryForObject("select details::text from item_event where application_id = ?",
                String.class, id);
        assertThat(PayloadCipher.isSealed(details)).as(details).isTrue();
        assertThat(details).doesNotContain(family.mother().idNumber());
        JsonNode event = HubClient.item(hub.body(hub.get(statusUrl)), "birth-certificate").path("timeline").path(0);
        assertThat(event.path("details").path("reason").asText()).isEqualTo(reason);
    }

    @Test
    void aRefusedStatusMessageIsSealedAndAnOperatorReadsIt() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(statusTopic, marker, "{not json " + marker)).get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from rejected_status_report where message_key = ?", Integer.class, marker) == 1);
        String payload = jdbc.queryForObject("select payload from rejected_status_report where message_key = ?",
                String.class, marker);
        assertThat(PayloadCipher.isSealed(payload)).as(payload).isTrue();
        assertThat(payload).doesNotContain(marker);
        JsonNode kept = hub.body(hub.asOperator().get("/api/v1/ops/rejected-status-reports?limit=500"));
        assertThat(kept.findValuesAsText("payload")).contains("{not json " + marker);
        assertThat(hub.get("/api/v1/ops/rejected-status-reports").statusCode()).isEqualTo(401);
    }

    private UUID id(String statusUrl) {
        return UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
    }
}
