package gov.onceonly.hub.reload;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hot reload in the running hub (its configuration root is a copy, see {@link HubIntegrationTest#CONFIG_ROOT}):
 * an application waiting for its sources finishes on the version it was received under while a valid edit of the
 * newborn mapping is served to the next one; an invalid edit is rejected with the lint's message and the edited
 * version keeps serving.
 */
class HotReloadIT extends HubIntegrationTest {

    private static final Path NEWBORN = Path.of(CONFIG_ROOT, "mappings/newborn.yaml");
    private static final String POPULATION = "gongan-population";
    private static final String PHONE_TOO = "      babyName: { from: form.babyName }\n      contactPhone: { from: form.contactPhone }\n";

    @AfterEach
    void restore() throws Exception {
        sandbox.faults().clear(POPULATION);
        Files.copy(Path.of("mappings/newborn.yaml"), NEWBORN, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String original = gov.onceonly.hub.catalog.BundleCatalog.version(Files.readString(NEWBORN));
        await().atMost(Duration.ofSeconds(20)).until(() -> config().path("bundleVersions").path("newborn").asText().equals(original)
                && config().path("rejected").isNull());
    }

    @Test
    void editsAreServedOrRejectedAndInFlightApplicationsKeepTheirVersion() throws Exception {
        JsonNode start = config();
        assertThat(start.path("enabled").asBoolean()).isTrue();
        String v1 = start.path("bundleVersions").path("newborn").asText();

        // Received under v1, then held up by an outage of the population registry.
        sandbox.faults().down(POPULATION, 503);
        SyntheticPeople.Family waiting = familiesWithBirthRecords().get(30);
        String waitingUrl = hub.submit(HubClient.newborn(waiting.mother().idNumber(), waiting.mother().name()));
        hub.awaitStatus(waitingUrl, "WAITING_FOR_SOURCES");

        // A valid edit: the birth certificate now also receives the contact phone.
        String original = Files.readString(NEWBORN);
        Files.writeString(NEWBORN, first(original, "      babyName: { from: form.babyName }\n", PHONE_TOO));
        await().atMost(Duration.ofSeconds(20)).until(() -> !config().path("bundleVersions").path("newborn").asText().equals(v1));
        String v2 = config().path("bundleVersions").path("newborn").asText();
        assertThat(config().path("appliedFiles").toString()).contains("mappings/newborn.yaml");

        sandbox.faults().clear(POPULATION);
        SyntheticPeople.Family next = familiesWithBirthRecords().get(31);
        UUID nextId = collected(hub.submit(HubClient.newborn(next.mother().idNumber(), next.mother().name())));
        assertThat(birthCertificate(nextId).has("contactPhone")).as("served on the new version").isTrue();
        assertThat(mappingVersion(nextId)).isEqualTo(v2);

        UUID waitingId = collected(waitingUrl);
        assertThat(birthCertificate(waitingId).has("contactPhone")).as("finished on the version it started with").isFalse();
        assertThat(birthCertificate(waitingId).has("babyName")).isTrue();
        assertThat(mappingVersion(waitingId)).isEqualTo(v1);

        // An invalid edit: rejected with the lint's file:line:column, the edited version keeps serving.
        String broken = first(Files.readString(NEWBORN), "weijian-birth-records/birth.babyGender", "weijian-birth-records/birth.babySex");
        int line = broken.lines().toList().indexOf(broken.lines().filter(l -> l.contains("babySex")).findFirst().orElseThrow()) + 1;
        Files.writeString(NEWBORN, broken);
        await().atMost(Duration.ofSeconds(20)).until(() -> !config().path("rejected").isNull());
        JsonNode rejected = config().path("rejected");
        assertThat(rejected.path("problems").get(0).asText()).startsWith("mappings/newborn.yaml:" + line + ":")
                .contains("unknown dataset field 'birth.babySex'");
        assertThat(config().path("bundleVersions").path("newborn").asText()).isEqualTo(v2);

        SyntheticPeople.Family after = familiesWithBirthRecords().get(32);
        UUID afterId = collected(hub.submit(HubClient.newborn(after.mother().idNumber(), after.mother().name())));
        assertThat(birthCertificate(afterId).has("contactPhone")).isTrue();
        assertThat(mappingVersion(afterId)).isEqualTo(v2);
    }

    private JsonNode config() throws Exception {
        return hub.body(hub.asOperator().get("/api/v1/ops/config"));
    }

    private UUID collected(String statusUrl) {
        UUID id = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from application_item where application_id = ?", Long.class, id) == 5);
        return id;
    }

    private JsonNode birthCertificate(UUID id) throws Exception {
        return itemRecord(id, "birth-certificate");
    }

    private String mappingVersion(UUID id) {
        return jdbc.queryForObject("select mapping_version from application where id = ?", String.class, id);
    }

    private static String first(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertThat(at).as(target).isNotNegative();
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
