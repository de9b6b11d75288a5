package gov.onceonly.hub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.SecondHub;
import gov.onceonly.hub.sandbox.SandboxDatabases;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hospital's birth-record source on a foreign engine: the same connector file, pointed at MariaDB on
 * 127.0.0.1:3306 (where it runs) through its environment variable, yields the same fields as on PostgreSQL.
 */
class MariaDbBirthRecordsIT extends HubIntegrationTest {

    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306";
    private static final String HOSPITAL = "hub_it_hospital";

    @Value("${hub.kafka.bootstrap-servers}")
    String sharedBroker;
    @Value("${spring.datasource.url}")
    String mainDatabase;

    @Test
    void birthRecordsComeFromMariaDb() throws Exception {
        assumeTrue(SecondHub.reachable("127.0.0.1", 3306), "no MariaDB on 127.0.0.1:3306");
        seedMariaDbHospital();
        superuser.execute("drop database if exists hub_mariadb_it with (force)");
        superuser.execute("create database hub_mariadb_it");
        SyntheticPeople.Family family = familiesWithBirthRecords().get(11);
        try (SecondHub hub = SecondHub.start("mariadb", Map.of(
                "spring.datasource.url", SandboxDatabases.serverOf(mainDatabase) + "/hub_mariadb_it",
                "spring.datasource.username", "postgres",
                "hub.kafka.bootstrap-servers", sharedBroker,
                "WEIJIAN_BIRTH_RECORDS_JDBC_URL", MARIADB + "/" + HOSPITAL,
                "WEIJIAN_BIRTH_RECORDS_JDBC_USER", "root"))) {
            try (Connection c = hub.bean(DepartmentDataSources.class).dataSource("weijian-birth-records").getConnection()) {
                assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("MariaDB");
            }
            HubClient client = new HubClient(hub.port(), json);
            String statusUrl = client.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
            JsonNode status = client.awaitEveryItemDelivered(statusUrl);

            JsonNode certificate = itemRecord(status.path("id").asText(), "birth-certificate", hub);
            SyntheticPeople.Birth birth = family.birth();
            assertThat(certificate.path("hospitalName").asText()).isEqualTo(birth.hospitalName());
            assertThat(certificate.path("birthWeightGrams").asInt()).isEqualTo(birth.birthWeightGrams());
            assertThat(certificate.path("gestationWeeks").asInt()).isEqualTo(birth.gestationWeeks());
            assertThat(certificate.path("fatherName").asText()).isEqualTo(family.father().name());
        }
    }

    private JsonNode itemRecord(String applicationId, String item, SecondHub hub) throws Exception {
        // Sealed at rest: the second hub's store opens it.
        return json.readTree(hub.bean(gov.onceonly.hub.application.ApplicationStore.class)
                .item(java.util.UUID.fromString(applicationId), item).orElseThrow().record());
    }

    private void seedMariaDbHospital() throws Exception {
        try (Connection server = DriverManager.getConnection(MARIADB + "/", "root", "");
             Statement s = server.createStatement()) {
            s.execute("drop database if exists " + HOSPITAL);
            s.execute("create database " + HOSPITAL + " character set utf8mb4");
        }
        try (Connection hospital = DriverManager.getConnection(MARIADB + "/" + HOSPITAL, "root", "")) {
            SandboxDatabases.seedHospital(hospital, sandbox.people());
        }
    }
}
