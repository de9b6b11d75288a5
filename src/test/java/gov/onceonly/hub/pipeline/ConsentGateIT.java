package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.NewApplication;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.outbox.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The collect stage pulls no dataset the applicant did not consent to, even if the plan asks for it (intake refuses
 * such an application; here one is stored behind intake's back, as a plan that grew would leave it).
 */
class ConsentGateIT extends HubIntegrationTest {

    @Autowired
    ApplicationStore store;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    BundleCatalog bundles;

    @Test
    void aDatasetWithoutConsentIsNotPulledAndTheApplicationWaitsForAnOperator() {
        var mother = familiesWithBirthRecords().get(246).mother();
        var newborn = bundles.find("newborn").orElseThrow();
        UUID id = UUID.randomUUID();
        NewApplication application = new NewApplication(id, "newborn", newborn.version(), mother.idNumber(),
                Map.of("purpose", "新生儿出生一件事", "datasets", List.of("weijian-birth-records/birth")),
                Map.of("babyName", "小宝"), "0af7651916cd43dd8448eb211c80319c",
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), "sandbox-portal");
        tx.executeWithoutResult(status -> {
            store.insert(application);
            outbox.append("hub.applications", id.toString(), "{\"applicationId\":\"" + id + "\"}");
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> "NEEDS_ATTENTION".equals(
                jdbc.queryForObject("select status from application where id = ?", String.class, id)));
        assertThat(jdbc.queryForObject("select attention_reason from application where id = ?", String.class, id))
                .contains("did not consent").contains("gongan-population/person");
        assertThat(jdbc.queryForObject("select count(*) from pulled_dataset where application_id = ?", Long.class, id))
                .isZero();
        assertThat(sandbox.lookups().count("gongan-population", mother.idNumber())).as("the registry was never asked")
                .isZero();
    }
}
