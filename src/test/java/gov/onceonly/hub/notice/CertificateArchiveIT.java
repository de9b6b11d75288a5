package gov.onceonly.hub.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.sandbox.SandboxApplications;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 归集, the round trip: a newborn application completes, 市卫生健康委 decides the birth certificate with its number, the
 * hub sends the certificate to the e-certificate library's intake, and the family's next application, the child's
 * primary-school enrolment, takes the certificate number from the library instead of asking for it.
 */
class CertificateArchiveIT extends HubIntegrationTest {

    @Autowired
    SandboxApplications applications;
    @Autowired
    ApplicationStore store;

    @AfterEach
    void departmentStopsReporting() {
        sandbox.statusReporter().enable(false);
    }

    @Test
    void aCertificateDecidedInOneApplicationIsFoundInTheLibraryByTheNext() throws Exception {
        SyntheticPeople.Person mother = familiesWithBirthRecords().get(90).mother();
        assertThat(sandbox.catalogue().records().find("dsj-e-certificates/birth-certificate", mother.idNumber()))
                .as("the library has no birth certificate of hers yet").isEmpty();
        sandbox.statusReporter().enable(true); // 市卫生健康委 accepts and decides the certificate with its number
        String newborn = hub.submit(HubClient.newborn(mother.idNumber(), mother.name()));
        String newbornId = newborn.substring(newborn.lastIndexOf('/') + 1);
        String certificateNo = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> HubClient.item(hub.body(hub.get(newborn)), "birth-certificate").path("certificateNo"),
                        JsonNode::isTextual).asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.catalogue().records()
                .find("dsj-e-certificates/birth-certificate", mother.idNumber()).isPresent());
        assertThat(sandbox.catalogue().records().find("dsj-e-certificates/birth-certificate", mother.idNumber()).orElseThrow())
                .containsEntry("certificateNo", certificateNo);
        assertThat(jdbc.queryForObject("""
                select count(*) from evidence_entry where event_key = ?""", Integer.class,
                "NOTICE:" + newbornId + ":birth-certificate:certificate")).as("the certificate sent is evidence").isEqualTo(1);

        ObjectNode enrolment = (ObjectNode) json.readTree(applications.sample("primary-school-enrolment").json());
        ((ObjectNode) enrolment.path("applicant")).put("idNumber", mother.idNumber()).put("name", mother.name());
        String next = hub.submit(enrolment.toString());
        UUID nextId = UUID.fromString(next.substring(next.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> !store.pulled(nextId).isEmpty());
        ApplicationStore.PulledDataset certificate = store.pulled(nextId).stream()
                .filter(p -> p.connector().equals("dsj-e-certificates") && p.dataset().equals("birth-certificate"))
                .findFirst().orElseThrow();
        assertThat(certificate.found()).isTrue();
        assertThat(certificate.fields()).containsEntry("certificateNo", certificateNo);
        JsonNode view = hub.body(hub.get(next));
        boolean taken = false;
        for (JsonNode item : view.path("items")) {
            for (JsonNode field : item.path("fields")) {
                if (field.path("name").asText().equals("birthCertificateNo")) {
                    assertThat(field.path("origin").asText()).isEqualTo("dsj-e-certificates/birth-certificate");
                    taken = true;
                }
            }
        }
        assertThat(taken).as("an item of the enrolment took the certificate number from the library").isTrue();
    }
}
