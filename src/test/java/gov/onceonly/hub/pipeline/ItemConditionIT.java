package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item that applies only when a form answer says so, on the newborn bundle as the shared hub's configuration copy
 * is edited for this test: the social security card only for a baby registered with the father. For the others it
 * is NOT_APPLICABLE with the reason, its department receives nothing, and the application is delivered without it.
 */
class ItemConditionIT extends HubIntegrationTest {

    private static final String CARD = "  - id: social-security-card\n";

    @BeforeEach
    void switchTheCardByTheRegistrationChoice() throws Exception {
        String mapping = servedMapping("newborn");
        assertThat(mapping).contains(CARD);
        serveMapping("newborn", mapping.replace(CARD, CARD + "    when: { field: form.registrationChoice, equals: father }\n"));
    }

    @AfterEach
    void restore() throws Exception {
        restoreMapping("newborn");
    }

    @Test
    void anItemWhoseConditionDoesNotHoldIsNotApplicableAndNeverSent() throws Exception {
        SyntheticPeople.Family withMother = familiesWithBirthRecords().get(62);
        String statusUrl = hub.submit(HubClient.newborn(withMother.mother().idNumber(), withMother.mother().name()));
        JsonNode view = hub.awaitEveryItemDelivered(statusUrl);
        JsonNode card = HubClient.item(view, "social-security-card");
        assertThat(card.path("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(card.path("reason").asText())
                .isEqualTo("it applies only when form.registrationChoice is 'father'; it is 'mother'");
        assertThat(card.path("fields").isEmpty()).as("nothing of the applicant's data is mapped for it").isTrue();
        assertThat(HubClient.item(view, "household-registration").path("deliveredAt").asText()).isNotBlank();
        String id = view.path("id").asText();
        assertThat(sandbox.inbox().received("rlsb-card-approval"))
                .noneMatch(received -> received.idempotencyKey().equals(id + ":social-security-card"));

        SyntheticPeople.Family withFather = familiesWithBirthRecords().get(63);
        String fatherUrl = hub.submit(HubClient.newborn(withFather.mother().idNumber(), withFather.mother().name())
                .replace("\"registrationChoice\":\"mother\"", "\"registrationChoice\":\"father\""));
        JsonNode applies = hub.awaitEveryItemDelivered(fatherUrl);
        assertThat(HubClient.item(applies, "social-security-card").path("deliveredAt").asText()).isNotBlank();
    }

    @Test
    void theFormSchemaSaysWhichAnswerSwitchesWhichItem() throws Exception {
        JsonNode schema = hub.body(hub.get("/api/v1/bundles/newborn/form-schema"));
        assertThat(schema.path("properties").path("registrationChoice").path("x-switches").toString())
                .isEqualTo("[{\"item\":\"social-security-card\",\"name\":\"社会保障卡申领\","
                        + "\"appliesWhen\":\"form.registrationChoice is 'father'\"}]");
    }


}
