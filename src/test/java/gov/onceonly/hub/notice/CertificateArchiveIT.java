package gov.onceonly.hub.notice;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 归集, the round trip over six years. A resident gives birth; her newborn application completes: 市卫生健康委 decides
 * the birth certificate with its number, and the hub sends the certificate to the e-certificate library's intake;
 * 市公安局 registers the child under a citizen ID number, and enters her on its population register. The same year
 * 市教委 turns down her primary-school enrolment (the child is not six); with the sandbox's calendar moved on six
 * years it admits her, and the enrolment took the certificate number from the library and the child from the
 * register, instead of asking the mother for either.
 */
class CertificateArchiveIT extends HubIntegrationTest {

    private static final String CERTIFICATES = "dsj-e-certificates/birth-certificate";

    @Autowired
    SandboxApplications applications;
    @Autowired
    ApplicationStore store;

    @Test
    void aCertificateDecidedAtBirthIsFoundInTheLibraryWhenTheChildStartsSchool() throws Exception {
        // A mother whose records hold what an enrolment needs (her household, her home); the hospital records the birth.
        SandboxApplications.Sample enrolment = applications.sample("primary-school-enrolment");
        String mother = enrolment.subjectKey();
        String name = (String) sandbox.catalogue().records().find("gongan-population/person", mother).orElseThrow().get("name");
        LocalDateTime born = sandbox.clock().today().minusDays(2).atTime(9, 30);
        sandbox.databases().recordBirth(mother, name, born);

        String newbornUrl = hub.submit(HubClient.newborn(mother, name));
        UUID newborn = id(newbornUrl);
        JsonNode registered = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> hub.body(hub.get(newbornUrl)),
                v -> "DONE".equals(HubClient.item(v, "household-registration").path("status").asText()));
        String certificateNo = HubClient.item(registered, "birth-certificate").path("certificateNo").asText();
        String childIdNumber = store.outputs(newborn).get("household-registration").values().get("childIdNumber").toString();

        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.catalogue().records().find(CERTIFICATES, mother)
                .map(c -> certificateNo.equals(c.get("certificateNo"))).orElse(false));
        assertThat(jdbc.queryForObject("select count(*) from evidence_entry where event_key = ?", Integer.class,
                "NOTICE:" + newborn + ":birth-certificate:certificate")).as("the certificate sent is evidence").isEqualTo(1);
        assertThat(sandbox.catalogue().records().find("gongan-population/child", mother).orElseThrow())
                .containsEntry("childIdNumber", childIdNumber).containsEntry("childBirthDate", born.toLocalDate().toString());

        JsonNode tooYoung = schoolApplication(hub.submit(enrolment.json()), "REJECTED");
        assertThat(tooYoung.path("reason").asText()).as("the same year").startsWith("未到入学年龄");

        sandbox.clock().moveOn(Period.ofYears(6));
        String admittedUrl = hub.submit(enrolment.json());
        JsonNode admitted = schoolApplication(admittedUrl, "DONE");
        Map<String, String> origins = Map.of("birthCertificateNo", CERTIFICATES, "childIdNumber", "gongan-population/child",
                "childBirthDate", "gongan-population/child");
        JsonNode sent = itemRecord(id(admittedUrl), "school-application");
        assertThat(sent.path("birthCertificateNo").asText()).isEqualTo(certificateNo);
        assertThat(sent.path("childIdNumber").asText()).isEqualTo(childIdNumber);
        assertThat(sent.path("childBirthDate").asText()).isEqualTo(born.toLocalDate().toString());
        for (JsonNode field : admitted.path("fields")) {
            String origin = origins.get(field.path("name").asText());
            if (origin != null) {
                assertThat(field.path("origin").asText()).as(field.path("name").asText()).isEqualTo(origin);
            }
        }
    }

    /** Waits until the enrolment's school application is decided so, and returns that item's view. */
    private JsonNode schoolApplication(String statusUrl, String status) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> HubClient.item(hub.body(hub.get(statusUrl)), "school-application"),
                item -> status.equals(item.path("status").asText()));
    }

    private static UUID id(String statusUrl) {
        return UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
    }
}
