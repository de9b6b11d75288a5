package gov.onceonly.hub.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.connector.SourceBreakers;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The population registry answers 503 for a while, then recovers. Applications wait (they do not fail), the
 * circuit breaker opens and spares the department, and once it is back every application completes and the
 * breaker closes again.
 */
class SourceOutageIT extends HubIntegrationTest {

    private static final String POPULATION = "gongan-population";

    @Autowired
    CamelContext camel;

    @AfterEach
    void recover() {
        sandbox.faults().clear(POPULATION);
    }

    @Test
    void applicationsWaitOutAnOutageAndTheBreakerOpensAndCloses() throws Exception {
        ResilienceProcessor breaker = SourceBreakers.of(camel, POPULATION).orElseThrow(
                () -> new AssertionError("the population source runs through no circuit breaker"));
        List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.getCircuitBreaker().getEventPublisher().onStateTransition(e -> transitions.add(e.getStateTransition()));
        AtomicInteger refused = new AtomicInteger();
        breaker.getCircuitBreaker().getEventPublisher().onCallNotPermitted(e -> refused.incrementAndGet());

        sandbox.faults().down(POPULATION, 503);
        List<String> statusUrls = new ArrayList<>();
        for (SyntheticPeople.Family family : familiesWithBirthRecords().subList(20, 26)) {
            statusUrls.add(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())));
        }
        for (String statusUrl : statusUrls) {
            JsonNode waiting = hub.awaitStatus(statusUrl, "WAITING_FOR_SOURCES");
            assertThat(waiting.path("waiting").path("reason").asText()).contains(POPULATION);
            assertThat(waiting.path("items").size()).as("nothing is mapped from half the data").isZero();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> refused.get() > 0);

        sandbox.faults().clear(POPULATION);
        for (String statusUrl : statusUrls) {
            JsonNode done = hub.awaitEveryItemDelivered(statusUrl);
            assertThat(done.path("items").size()).isEqualTo(5);
            assertThat(done.path("waiting").isNull()).as("the reason is gone once collected").isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(breaker.getCircuitBreakerState()));

        assertThat(transitions).contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN,
                CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
        assertThat(refused.get()).as("calls the open breaker spared the department").isPositive();
    }

    @Test
    void anApplicationThatWaitedTooLongNeedsAttentionAndAnOperatorRetriesIt() throws Exception {
        sandbox.faults().down(POPULATION, 503);
        SyntheticPeople.Family family = familiesWithBirthRecords().get(27);
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        hub.awaitStatus(statusUrl, "WAITING_FOR_SOURCES");

        // Make it older than hub.collect.max-age: the next failed attempt gives up.
        jdbc.update("update application set created_at = now() - interval '2 days' where id = ?::uuid", id);
        JsonNode attention = hub.awaitStatus(statusUrl, "NEEDS_ATTENTION");
        assertThat(attention.path("waiting").path("reason").asText()).contains(POPULATION, "503");
        assertThat(jdbc.queryForList("select split_part(party, '/', 1) from evidence_entry where application_id = ?::uuid and kind = 'PULL'",
                String.class, id)).as("the sources that answered were asked: their pulls are on the record")
                .contains("weijian-birth-records").doesNotContain(POPULATION);
        assertThat(attention.path("waiting").path("nextAttemptAt").isNull()).as("no automatic attempt any more").isTrue();

        sandbox.faults().clear(POPULATION);
        assertThat(hub.asOperator().post("/api/v1/ops/applications/" + id + "/retry", "").statusCode()).isEqualTo(200);
        hub.awaitEveryItemDelivered(statusUrl);
        assertThat(hub.asOperator().post("/api/v1/ops/applications/" + id + "/retry", "").statusCode())
                .as("only an application that gave up can be retried").isEqualTo(404);
    }
}
