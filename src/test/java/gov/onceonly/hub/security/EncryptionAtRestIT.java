package gov.onceonly.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The personal payloads an application leaves in PostgreSQL are sealed; the hub still reads and delivers them. */
class EncryptionAtRestIT extends HubIntegrationTest {

    @Test
    void theFormThePulledFieldsAndTheItemRecordsAreSealedInTheDatabase() throws Exception {
        var family = familiesWithBirthRecords().get(244);
        JsonNode view = hub.awaitStatus(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())),
                "DELIVERED");
        UUID id = UUID.fromString(view.path("id").asText());
        String babyName = family.mother().name().substring(0, 1) + "小宝";

        List<String> stored = new ArrayList<>();
        stored.add(jdbc.queryForObject("select form::text from application where id = ?", String.class, id));
        stored.addAll(jdbc.queryForList("select fields::text from pulled_dataset where application_id = ?", String.class, id));
        stored.addAll(jdbc.queryForList("select record::text from application_item where application_id = ?", String.class, id));
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
}
