package gov.onceonly.hub.health;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.SourceBreakers;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Liveness, readiness (database, broker, routes) and one health indicator per department connector. */
class HealthIT extends HubIntegrationTest {

    @Autowired
    CamelContext camel;
    @Autowired
    ConnectorCatalog connectors;

    @Test
    void readinessCoversTheDatabaseTheBrokerAndTheRoutes() throws Exception {
        JsonNode readiness = hub.body(hub.asViewer().get("/actuator/health/readiness"));
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .contains("database", "broker", "camelHealth", "readinessState").doesNotContain("departments");
        // Each answers from its last background check, which it names; Camel's runs in the background too.
        assertThat(readiness.path("components").path("database").path("details").has("checkedAt")).isTrue();
        assertThat(readiness.path("components").path("broker").path("details").has("checkedAt")).isTrue();
        assertThat(readiness.path("components").path("camelHealth").path("details").has("lastChecked")).isTrue();
        JsonNode liveness = hub.body(hub.asViewer().get("/actuator/health/liveness"));
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    void anyoneGetsTheStatusButOnlyAnAccountTheDetails() throws Exception {
        JsonNode anonymous = hub.body(hub.get("/actuator/health/readiness"));
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as("details for an anonymous caller").isFalse();
        assertThat(hub.body(hub.get("/actuator/health/departments/gongan-population")).has("details")).isFalse();
        assertThat(hub.body(hub.asViewer().get("/actuator/health/departments/gongan-population")).has("details")).isTrue();
    }

    @Test
    void eachConnectorShowsReachabilityCircuitAndLastSuccess() throws Exception {
        var family = familiesWithBirthRecords().get(161);
        hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())));
        HubClient viewer = hub.asViewer();
        JsonNode departments = hub.body(viewer.get("/actuator/health/departments"));
        assertThat(departments.path("components").size()).isEqualTo(connectors.entries().size());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode population = hub.body(viewer.get("/actuator/health/departments/gongan-population"));
            assertThat(population.path("status").asText()).isEqualTo("UP");
            assertThat(population.path("details").path("reachable").asBoolean()).isTrue();
            assertThat(population.path("details").path("circuit").asText()).isEqualTo("CLOSED");
            assertThat(population.path("details").path("lastSuccess").asText()).isNotEmpty();
            JsonNode hospital = hub.body(viewer.get("/actuator/health/departments/weijian-birth-records"));
            assertThat(hospital.path("details").path("kind").asText()).isEqualTo("jdbc");
            assertThat(hospital.path("details").path("reachable").asBoolean()).isTrue();
            JsonNode approval = hub.body(viewer.get("/actuator/health/departments/weijian-approval"));
            assertThat(approval.path("details").path("lastSuccess").asText()).isNotEmpty();
        });
    }

    @Test
    void anOpenCircuitIsDownButTheHubStaysReady() throws Exception {
        ResilienceProcessor breaker = SourceBreakers.of(camel, "gongan-population").orElseThrow();
        breaker.transitionToForcedOpenState();
        try {
            HubClient viewer = hub.asViewer();
            JsonNode population = hub.body(viewer.get("/actuator/health/departments/gongan-population"));
            assertThat(population.path("status").asText()).isEqualTo("DOWN");
            assertThat(population.path("details").path("circuit").asText()).isEqualTo("FORCED_OPEN");
            assertThat(hub.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(hub.get("/actuator/health").statusCode()).isEqualTo(503);
        } finally {
            breaker.transitionToCloseState();
        }
    }
}
