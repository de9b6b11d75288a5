package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.StoredItem;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookkeeping of failed attempts against rows that moved on meanwhile: a failure reported for a delivery
 * that is no longer PENDING, for an application already collected, or for an application that is not here,
 * changes nothing and throws nothing.
 */
class RetryBookkeepingIT extends HubIntegrationTest {

    @Autowired
    DeliveryRetries deliveryRetries;
    @Autowired
    DispatchStage dispatch;
    @Autowired
    CollectRetries collectRetries;
    @Autowired
    ApplicationStore applications;

    @Test
    void aFailureOfADeliveryThatWasDeliveredMeanwhileChangesNothing() throws Exception {
        UUID id = delivered(familiesWithBirthRecords().get(42));
        StoredItem item = applications.item(id, "birth-certificate").orElseThrow();

        deliveryRetries.failed(dispatch.delivery(item), "a late timeout of an earlier attempt");

        assertThat(jdbc.queryForObject("select status from application_item where application_id = ? and item_id = ?",
                String.class, id, "birth-certificate")).isEqualTo("DELIVERED");
        assertThat(jdbc.queryForObject("select last_error from application_item where application_id = ? and item_id = ?",
                String.class, id, "birth-certificate")).isNull();
    }

    @Test
    void aCollectFailureOfAnUnknownApplicationChangesNothing() {
        assertThat(collectRetries.waitForSources(UUID.randomUUID(), Instant.now(), "population registry down")).isNull();
    }

    @Test
    void aLateSourceFailureNeverMovesACollectedApplicationBack() throws Exception {
        UUID id = delivered(familiesWithBirthRecords().get(43));

        // A repeated message of the application whose sources failed, after another delivery of it was collected.
        assertThat(collectRetries.waitForSources(id, Instant.now(), "population registry down").name()).isEqualTo("DELIVERED");

        assertThat(jdbc.queryForMap("select status, attention_reason, next_collect_at, collect_attempts from application where id = ?", id))
                .containsEntry("status", "DELIVERED").containsEntry("attention_reason", null)
                .containsEntry("next_collect_at", null).containsEntry("collect_attempts", 0);
    }

    private UUID delivered(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        return UUID.fromString(hub.awaitStatus(statusUrl, "DELIVERED").path("id").asText());
    }
}
