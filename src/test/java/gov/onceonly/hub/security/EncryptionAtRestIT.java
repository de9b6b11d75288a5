package gov.onceonly.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal payloads an application leaves in PostgreSQL, and the streamed datasets the hub keeps, are sealed; the
 * hub still reads and delivers them.
 */
class EncryptionAtRestIT extends HubIntegrationTest {

    @Test
    void theFormThePulledFieldsAndTheItemRecordsAreSealedInTheDatabase() throws Exception {
        var family = familiesWithBirthRecords().get(244);
        JsonNode view = hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())));
        UUID id = UUID.fromString(view.path("id").asText());
        String babyName = family.mother().name().substring(0, 1) + "小宝";

        List<String> stored = new ArrayList<>();
        stored.add(jdbc.queryForObject("select form::text from application where id = ?", String.class, id));
        stored.addAll(jdbc.queryForList("select fields::text from pulled_dataset where application_id = ?", String.class, id));
        stored.addAll(jdbc.queryForList("select record::text from application_item where application_id = ?", String.class, id));
        // The streamed datasets the hub keeps a copy of (everyone's, not only applicants').
        stored.addAll(jdbc.queryForList("select fields::text from dataset_record where record_key = ?", String.class,
                family.mother().idNumber()));
        assertThat(stored).hasSizeGreaterThan(5).allSatisfy(value -> {
            assertThat(PayloadCipher.isSealed(value)).as(value).isTrue();
            assertThat(value).doesNotContain(family.mother().idNumber()).doesNotContain(family.mother().name())
                    .doesNotContain(babyName).doesNotContain("民族路");
        });

        // Opened by the hub: the department received the clear record, the one the hub keeps sealed.
        JsonNode record = itemRecord(id, "birth-certificate");
        assertThat(record.path("babyName").asText()).isEqualTo(babyName);
        JsonNode received = json.readTree(sandbox.inbox().received("weijian-approval").stream()
                .filter(r -> (id + ":birth-certificate").equals(r.idempotencyKey())).findFirst().orElseThrow().body());
        assertThat(received.path("fields")).isEqualTo(record);
    }

    @Test
    void theOperatorsResealSealsWhatWasStoredInClear() throws Exception {
        var family = familiesWithBirthRecords().get(247);
        JsonNode view = hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())));
        UUID id = UUID.fromString(view.path("id").asText());
        // As a database from before encryption holds it.
        jdbc.update("update application set form = '{\"babyName\":\"旧小宝\"}'::jsonb where id = ?", id);
        jdbc.update("update application_item set record = '{\"babyName\":\"旧小宝\"}'::jsonb"
                + " where application_id = ? and item_id = 'birth-certificate'", id);
        // A refused proposal event (proposal/ProposalStore): the runtime role may reseal it, and only that.
        jdbc.update("insert into proposal_rejected_event (rule_id, topic, partition_no, offset_no, reason, event)"
                + " values ('reseal-test', 'reseal.topic', 0, ?, 'test', '{\"idNumber\":\"旧\"}')", id.getLeastSignificantBits());

        JsonNode answer = hub.body(hub.asOperator().unsigned().post("/api/v1/ops/encryption/reseal", ""));
        assertThat(answer.path("resealed").path("application.form").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(answer.path("resealed").path("application_item.record").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(answer.path("resealed").path("proposal_rejected_event.event").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(PayloadCipher.isSealed(jdbc.queryForObject("select event from proposal_rejected_event"
                + " where rule_id = 'reseal-test' and offset_no = ?", String.class, id.getLeastSignificantBits()))).isTrue();

        String form = jdbc.queryForObject("select form::text from application where id = ?", String.class, id);
        assertThat(PayloadCipher.isSealed(form)).as(form).isTrue();
        assertThat(PayloadCipher.keyIdOf(form)).isEqualTo("sandbox-1");
        assertThat(itemRecord(id, "birth-certificate").path("babyName").asText()).isEqualTo("旧小宝");
        assertThat(hub.body(hub.asOperator().unsigned().post("/api/v1/ops/encryption/reseal", ""))
                .path("resealed").path("application.form").asInt()).as("nothing left in clear").isZero();
    }
}
