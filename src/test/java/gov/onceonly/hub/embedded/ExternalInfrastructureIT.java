package gov.onceonly.hub.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.SecondHub;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With a PostgreSQL URL and Kafka bootstrap servers set, the hub starts neither embedded service and keeps its
 * state in the external ones: here the machine's PostgreSQL on 127.0.0.1:5432 (where it runs) and the shared test
 * broker, which is external to the second hub.
 */
class ExternalInfrastructureIT extends HubIntegrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432";
    private static final String DATABASE = "hub_external_it";

    @Value("${hub.kafka.bootstrap-servers}")
    String sharedBroker;

    @Test
    void runsOnTheMachinesPostgresqlAndAnExternalBroker() throws Exception {
        assumeTrue(SecondHub.reachable("127.0.0.1", 5432), "no PostgreSQL on 127.0.0.1:5432");
        recreateDatabase();
        try (SecondHub external = SecondHub.start("external", Map.of(
                "spring.datasource.url", SERVER + "/" + DATABASE,
                "spring.datasource.username", "postgres",
                "hub.kafka.bootstrap-servers", sharedBroker))) {
            assertThat(external.context().containsBean("embeddedInfrastructure")).isFalse();

            SyntheticPeople.Family family = familiesWithBirthRecords().get(7);
            HubClient client = new HubClient(external.port(), json);
            String statusUrl = client.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
            JsonNode status = client.awaitEveryItemDelivered(statusUrl);

            String id = status.path("id").asText();
            try (Connection c = DriverManager.getConnection(SERVER + "/" + DATABASE, "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery(
                         "select count(*) from application_item where delivered_at is not null and application_id = '" + id + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
            Long here = jdbc.queryForObject("select count(*) from application where id = ?::uuid", Long.class, id);
            assertThat(here).as("the main hub's embedded database never saw it").isZero();
        }
    }

    private static void recreateDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "/test", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
    }
}
