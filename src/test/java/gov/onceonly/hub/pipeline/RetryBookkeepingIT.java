package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.StoredItem;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bookkeeping of failed attempts against rows that moved on meanwhile: a failure reported for a delivery
 * that is no longer PENDING, for an application already collected, or for an application that is not here,
 * changes nothing and throws nothing. And a target that answers a retried delivery gets its other waiting deliveries
 * at once, not at the end of their backoff.
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

    /** The deliveries' bookkeeping is this test's: the departments leave what they receive undecided. */
    @org.junit.jupiter.api.BeforeEach
    void departmentsWait() {
        departmentsDecide(false);
    }

    @Test
    void aFailureOfADeliveryThatWasDeliveredMeanwhileChangesNothing() throws Exception {
        UUID id = delivered(familiesWithBirthRecords().get(42));
        StoredItem item = applications.item(id, "vaccination-certificate").orElseThrow();

        deliveryRetries.failed(dispatch.delivery(item), "a late timeout of an earlier attempt");

        assertThat(status(id, "vaccination-certificate")).isEqualTo("DELIVERED");
        assertThat(jdbc.queryForObject("select last_error from application_item where application_id = ? and item_id = ?",
                String.class, id, "vaccination-certificate")).isNull();
    }

    @Test
    void aCollectFailureOfAnUnknownApplicationChangesNothing() {
        assertThat(collectRetries.waitForSources(UUID.randomUUID(), Instant.now(), "population registry down")).isNull();
    }

    @Test
    void aLateSourceFailureNeverMovesACollectedApplicationBack() throws Exception {
        UUID id = delivered(familiesWithBirthRecords().get(43));
        String collected = jdbc.queryForObject("select status from application where id = ?", String.class, id);

        // A repeated message of the application whose sources failed, after another delivery of it was collected.
        assertThat(collectRetries.waitForSources(id, Instant.now(), "population registry down").name()).isEqualTo(collected);

        assertThat(jdbc.queryForMap("select status, attention_reason, next_collect_at, collect_attempts from application where id = ?", id))
                .containsEntry("status", collected).containsEntry("attention_reason", null)
                .containsEntry("next_collect_at", null).containsEntry("collect_attempts", 0);
    }

    @Test
    void aTargetThatAnswersARetryGetsItsOtherWaitingDeliveriesAtOnce() throws Exception {
        UUID due = delivered(familiesWithBirthRecords().get(44));
        UUID waiting = delivered(familiesWithBirthRecords().get(45));
        UUID elsewhere = delivered(familiesWithBirthRecords().get(46));
        // As after an outage of 市人力社保局: one delivery due now, one waiting for an hour more; and one of another
        // target, whose own backoff the recovery must leave alone.
        waitsForItsNextAttempt(due, "social-security-card", "0 seconds");
        waitsForItsNextAttempt(waiting, "social-security-card", "1 hour");
        waitsForItsNextAttempt(elsewhere, "medical-insurance", "1 hour");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(waiting, "social-security-card")).as("delivered long before its hour").isEqualTo("DELIVERED"));
        assertThat(status(due, "social-security-card")).isEqualTo("DELIVERED");
        assertThat(jdbc.queryForObject("""
                select next_delivery_at > now() + interval '50 minutes' from application_item
                where application_id = ? and item_id = 'medical-insurance'""", Boolean.class, elsewhere)).isTrue();
        jdbc.update("""
                update application_item set status = 'DELIVERED', next_delivery_at = null
                where application_id = ? and item_id = 'medical-insurance'""", elsewhere);
    }

    private void waitsForItsNextAttempt(UUID application, String item, String in) {
        jdbc.update("""
                update application_item set status = 'PENDING', attempts = 2, last_error = 'HTTP 503',
                       next_delivery_at = now() + ?::interval
                where application_id = ? and item_id = ?""", in, application, item);
    }

    private String status(UUID application, String item) {
        return jdbc.queryForObject("select status from application_item where application_id = ? and item_id = ?",
                String.class, application, item);
    }

    /** A newborn application whose every item reached its department: the last three undecided. */
    private UUID delivered(SyntheticPeople.Family family) throws Exception {
        return UUID.fromString(newbornWithEveryItemDelivered(family));
    }
}
