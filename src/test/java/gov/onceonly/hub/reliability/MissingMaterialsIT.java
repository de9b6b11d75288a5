package gov.onceonly.hub.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not found" is not an outage: a mother without a hospital birth record gets NEEDS_MATERIALS with the exact
 * fields, supplies them, and the pipeline resumes with those fields recorded as hers.
 */
class MissingMaterialsIT extends HubIntegrationTest {

    @Test
    void theApplicantSuppliesWhatNoSourceHadAndThePipelineResumes() throws Exception {
        SyntheticPeople.Family family = sandbox.people().families().stream().filter(f -> f.birth() == null)
                .findFirst().orElseThrow();
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        JsonNode waiting = hub.awaitStatus(statusUrl, "NEEDS_MATERIALS");

        List<String> missing = new ArrayList<>();
        for (JsonNode item : waiting.path("items")) {
            item.path("missing").forEach(name -> {
                if (!missing.contains(name.asText())) {
                    missing.add(name.asText());
                }
            });
        }
        assertThat(missing).contains("birthTime", "hospitalName", "gestationWeeks");
        assertThat(missing).doesNotContain("motherName", "fatherName");
        for (JsonNode item : waiting.path("items")) {
            boolean complete = item.path("missing").isEmpty();
            assertThat(item.path("status").asText()).as(item.path("item").asText())
                    .isIn(complete ? List.of("PENDING", "DELIVERED", "WAITING") : List.of("NEEDS_MATERIALS"));
        }

        HttpResponse<String> unknown = hub.post(statusUrl + "/materials", "{\"fields\":{\"favouriteColour\":\"blue\"}}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("fields.favouriteColour", "not-requested");

        HttpResponse<String> nul = hub.post(statusUrl + "/materials", "{\"fields\":{\"hospitalName\":\"重庆\\u0000医院\"}}");
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(422);
        assertThat(nul.body()).contains("fields.hospitalName", "no-nul-character");

        StringBuilder fields = new StringBuilder();
        for (String name : missing) {
            fields.append(fields.isEmpty() ? "" : ",").append('"').append(name).append("\":\"").append(value(name)).append('"');
        }
        HttpResponse<String> supplied = hub.post(statusUrl + "/materials", "{\"fields\":{" + fields + "}}");
        assertThat(supplied.statusCode()).as(supplied.body()).isEqualTo(200);

        JsonNode done = hub.awaitEveryItemDelivered(statusUrl);
        JsonNode certificate = item(done, "birth-certificate");
        assertThat(field(certificate, "hospitalName").path("origin").asText()).isEqualTo("materials");
        assertThat(field(certificate, "motherName").path("origin").asText()).isEqualTo("gongan-population/person");
        assertThat(gov.onceonly.hub.security.PayloadCipher.isSealed(jdbc.queryForObject(
                "select materials::text from application where id = ?::uuid", String.class, done.path("id").asText())))
                .as("supplied materials are sealed at rest").isTrue();

        HttpResponse<String> late = hub.post(statusUrl + "/materials", "{\"fields\":{\"birthTime\":\"x\"}}");
        assertThat(late.statusCode()).as("nothing is waiting any more").isEqualTo(409);
    }

    @Test
    void materialsSuppliedInTwoGoesEachKeepTheTimeTheyWereSupplied() throws Exception {
        SyntheticPeople.Family family = sandbox.people().families().stream().filter(f -> f.birth() == null)
                .skip(2).findFirst().orElseThrow();
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        JsonNode waiting = hub.awaitStatus(statusUrl, "NEEDS_MATERIALS");
        List<String> missing = new ArrayList<>();
        waiting.path("items").forEach(item -> item.path("missing").forEach(name -> {
            if (!missing.contains(name.asText())) {
                missing.add(name.asText());
            }
        }));

        HttpResponse<String> first = hub.post(statusUrl + "/materials", "{\"fields\":{\"hospitalName\":\"重庆市妇幼保健院\"}}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String suppliedAt = field(item(hub.body(hub.get(statusUrl)), "birth-certificate"), "hospitalName").path("at").asText();
        Thread.sleep(50);

        StringBuilder rest = new StringBuilder();
        for (String name : missing) {
            if (!name.equals("hospitalName")) {
                rest.append(rest.isEmpty() ? "" : ",").append('"').append(name).append("\":\"").append(value(name)).append('"');
            }
        }
        HttpResponse<String> second = hub.post(statusUrl + "/materials", "{\"fields\":{" + rest + "}}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);

        JsonNode certificate = item(hub.awaitEveryItemDelivered(statusUrl), "birth-certificate");
        assertThat(field(certificate, "hospitalName").path("at").asText()).as("not restamped by the second go").isEqualTo(suppliedAt);
        assertThat(field(certificate, "birthTime").path("at").asText()).isNotEqualTo(suppliedAt);
    }

    @Test
    void materialsForAnApplicationWhoseBundleIsNoLongerServedAreAConflictNotAServerError() throws Exception {
        SyntheticPeople.Family family = sandbox.people().families().stream().filter(f -> f.birth() == null)
                .skip(1).findFirst().orElseThrow();
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String id = hub.awaitStatus(statusUrl, "NEEDS_MATERIALS").path("id").asText();
        jdbc.update("update application set bundle_id = 'withdrawn-bundle' where id = ?::uuid", id);
        try {
            HttpResponse<String> response = hub.post(statusUrl + "/materials", "{\"fields\":{\"hospitalName\":\"重庆市妇幼保健院\"}}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(hub.body(response).path("errors").findValuesAsText("field")).containsExactly("bundle");
        } finally {
            jdbc.update("update application set bundle_id = 'newborn' where id = ?::uuid", id);
        }
    }

    private static String value(String name) {
        return switch (name) {
            case "birthWeightGrams" -> "3300";
            case "birthLengthCm" -> "50.5";
            case "gestationWeeks" -> "39";
            case "birthTime" -> "2026-11-20T08:30:00";
            default -> "由申请人提供的" + name;
        };
    }

    private static JsonNode item(JsonNode status, String id) {
        for (JsonNode item : status.path("items")) {
            if (id.equals(item.path("item").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + status);
    }

    private static JsonNode field(JsonNode item, String name) {
        for (JsonNode field : item.path("fields")) {
            if (name.equals(field.path("name").asText())) {
                return field;
            }
        }
        throw new AssertionError("no field " + name + " in " + item);
    }
}
