package gov.onceonly.hub.archive;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SandboxApplications;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archive (一人一档, 一企一档) after a completed newborn application and a completed enterprise start-up: what it
 * lists, who may read it, and the read in the subject's access log; the recommendations with their reasons, never one
 * the subject is not eligible for.
 */
class ArchiveIT extends HubIntegrationTest {

    @Autowired
    SandboxApplications examples;

    @Test
    void aPersonsArchiveListsTheNewbornApplicationItsDecisionsAndCertificates() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(261);
        String mother = family.mother().idNumber();
        JsonNode completed = hub.awaitStatus(hub.submit(HubClient.newborn(mother, family.mother().name())), "COMPLETED");
        String application = completed.path("id").asText();

        long readsBefore = count("evidence_entry where kind = 'READ'");
        HttpResponse<String> response = hub.getWithIdentityOf("/api/v1/subjects/" + mother + "/archive", mother);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode archive = hub.body(response);
        assertThat(archive.path("subject").asText()).isEqualTo(mother);
        assertThat(archive.path("subjectType").asText()).isEqualTo("person");
        JsonNode newborn = only(archive.path("applications"), "bundle", "newborn");
        assertThat(newborn.path("applicationId").asText()).isEqualTo(application);
        assertThat(newborn.path("role").asText()).isEqualTo("applicant");
        assertThat(newborn.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(newborn.path("bundleName").asText()).isEqualTo("新生儿出生");
        List<String> items = jdbc.queryForList("select item_id from application_item where application_id = ?::uuid order by item_id",
                String.class, application);
        List<String> listed = new ArrayList<>();
        newborn.path("items").forEach(i -> listed.add(i.path("item").asText()));
        assertThat(listed).isEqualTo(items);
        JsonNode birthCertificate = only(newborn.path("items"), "item", "birth-certificate");
        assertThat(birthCertificate.path("status").asText()).isEqualTo("DONE");
        assertThat(birthCertificate.path("result").asText()).isNotBlank().isEqualTo(jdbc.queryForObject(
                "select result from application_item where application_id = ?::uuid and item_id = 'birth-certificate'",
                String.class, application));
        String certificateNo = birthCertificate.path("outputs").path("certificateNo").asText();
        assertThat(certificateNo).matches("[A-Z][0-9]{9}");
        assertThat(birthCertificate.path("certificateNo").asText()).isEqualTo(certificateNo);
        assertThat(only(newborn.path("items"), "item", "household-registration").path("outputs").path("childIdNumber").asText())
                .matches("[0-9]{17}[0-9X]");
        JsonNode certificate = only(archive.path("certificates"), "number", certificateNo);
        assertThat(certificate.path("certificate").asText()).isEqualTo("dsj-e-certificates/birth-certificate");
        assertThat(certificate.path("title").asText()).isEqualTo("出生医学证明");
        assertThat(certificate.path("source").asText()).isEqualTo("issued");
        assertThat(archive.path("materials")).isEmpty(); // the newborn's sources had every field
        List<String> entitled = bundles(archive.path("entitlements"));
        assertThat(entitled).contains("maternity-allowance").doesNotContain("primary-school-enrolment", "newborn");

        // The read is evidence, linked to the mother, and in her access log under this channel.
        assertThat(count("evidence_entry where kind = 'READ'")).isEqualTo(readsBefore + 1);
        assertThat(count("subject_read where subject_key = '" + mother + "'")).isEqualTo(1);
        List<JsonNode> reads = reads(hub.body(hub.get("/api/v1/subjects/" + mother + "/access-log")));
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).path("connector").asText()).isEqualTo(HubClient.PORTAL_KEY);
        assertThat(reads.get(0).path("item").asText()).isEqualTo("archive");
        assertThat(reads.get(0).path("fields")).extracting(JsonNode::asText)
                .containsExactly("applications", "materials", "certificates", "entitlements");
        assertThat(reads.get(0).path("applicationId").isNull()).isTrue();

        // The operator reads it whole under /ops, and that read is in her log too, as the operator's.
        HttpResponse<String> operator = hub.asOperator().get("/api/v1/ops/subjects/" + mother + "/archive");
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(bundles(hub.body(operator).path("applications"))).contains("newborn");
        List<JsonNode> afterOperator = reads(hub.body(hub.get("/api/v1/subjects/" + mother + "/access-log")));
        assertThat(afterOperator).hasSize(2);
        assertThat(afterOperator.get(1).path("connector").asText()).startsWith("operator:");
    }

    @Test
    void onlyTheSubjectsProvenIdentityOrAnOperatorReadsAnArchiveAndARefusedReadIsNotRecorded() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(262);
        String mother = family.mother().idNumber();
        hub.awaitStatus(hub.submit(HubClient.newborn(mother, family.mother().name())), "COMPLETED");
        String path = "/api/v1/subjects/" + mother + "/archive";
        long reads = count("evidence_entry where kind = 'READ'");

        HttpResponse<String> noToken = hub.get(path);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(hub.body(noToken).path("errors").get(0).path("field").asText()).isEqualTo("X-Applicant-Identity");
        assertThat(hub.body(noToken).path("errors").get(0).path("rule").asText()).isEqualTo("missing");
        HttpResponse<String> someoneElse = hub.getWithIdentityOf(path, family.father().idNumber());
        assertThat(someoneElse.statusCode()).isEqualTo(403);
        assertThat(hub.body(someoneElse).path("errors").get(0).path("rule").asText()).isEqualTo("subject");
        assertThat(hub.signedAs("sandbox-weijian", "sandbox-weijian-secret").get(path).statusCode())
                .as("a department system").isEqualTo(403);
        assertThat(hub.unsigned().get(path).statusCode()).isEqualTo(401);
        HttpResponse<String> badId = hub.getWithIdentityOf("/api/v1/subjects/110101199003070000/archive", mother);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(hub.body(badId).path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(count("evidence_entry where kind = 'READ'")).as("refused reads leave no entry").isEqualTo(reads);

        // Another channel, with the subject's token, sees only what it submitted: nothing of the portal's application.
        HttpResponse<String> otherChannel = hub.signedAs("other-portal", "other-portal-secret").getWithIdentityOf(path, mother);
        assertThat(otherChannel.statusCode()).isEqualTo(200);
        assertThat(hub.body(otherChannel).path("applications")).isEmpty();
        List<JsonNode> logged = reads(hub.body(hub.get("/api/v1/subjects/" + mother + "/access-log")));
        assertThat(logged).as("the portal's log does not show the other channel's read").isEmpty();
        assertThat(reads(hub.body(hub.asOperator().get("/api/v1/ops/subjects/" + mother + "/access-log"))))
                .extracting(e -> e.path("connector").asText()).contains("other-portal");
    }

    @Test
    void anEnterprisesArchiveAndItsRecommendationsAfterTheStartUp() throws Exception {
        SandboxApplications.Sample sample = examples.sample("business-startup");
        String agent = json.readTree(sample.json()).path("applicant").path("idNumber").asText();
        String application = hub.awaitStatus(hub.submit(sample.json()), "COMPLETED").path("id").asText();
        String creditCode = sample.subjectKey();

        long readsBefore = count("subject_read where subject_key = '" + creditCode + "'");
        JsonNode archive = hub.body(hub.getWithIdentityOf("/api/v1/subjects/" + creditCode + "/archive", agent));
        assertThat(archive.path("subjectType").asText()).isEqualTo("enterprise");
        // The sandbox's start-up example is always the same enterprise: other tests may have applied for it too.
        JsonNode startup = only(archive.path("applications"), "applicationId", application);
        assertThat(startup.path("bundle").asText()).isEqualTo("business-startup");
        JsonNode registration = only(startup.path("items"), "item", "establishment-registration");
        assertThat(registration.path("status").asText()).isEqualTo("DONE");
        assertThat(registration.path("outputs").path("licenceNumber").asText()).isNotBlank();
        assertThat(registration.path("outputs").path("creditCode").asText()).isNotBlank();
        assertThat(count("subject_read where subject_key = '" + creditCode + "'")).isEqualTo(readsBefore + 1);

        // Someone who is not its legal representative cannot read it.
        String stranger = familiesWithBirthRecords().get(263).mother().idNumber();
        HttpResponse<String> refused = hub.getWithIdentityOf("/api/v1/subjects/" + creditCode + "/archive", stranger);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(hub.body(refused).path("errors").get(0).path("rule").asText()).isEqualTo("agent");

        JsonNode recommended = hub.body(hub.getWithIdentityOf("/api/v1/subjects/" + creditCode + "/recommendations", agent));
        // Other tests apply for the same start-up: once one has hired (员工录用), its benefits come next instead.
        boolean hired = jdbc.queryForObject("select count(*) from application where bundle_id = 'employee-hiring'"
                + " and subject_key = ?", Long.class, creditCode) > 0;
        JsonNode next = only(recommended.path("recommendations"), "bundle", hired ? "sme-policy-benefits" : "employee-hiring");
        assertThat(next.path("reason").asText()).contains(hired ? "员工录用" : "企业开办");
        assertThat(next.path("facts").toString()).contains(hired ? "benefits-after-hiring" : "hiring-after-startup");
        List<String> bundles = bundles(recommended.path("recommendations"));
        assertThat(bundles).doesNotContain("business-startup", "ordinary-deregistration", "simplified-deregistration",
                "newborn", "primary-school-enrolment");
        recommended.path("recommendations").forEach(r -> assertThat(r.path("reason").asText()).isNotBlank());
        List<String> logged = reads(hub.body(hub.get("/api/v1/subjects/" + creditCode + "/access-log"))).stream()
                .map(e -> e.path("item").asText()).toList();
        assertThat(logged.subList(logged.size() - 2, logged.size())).containsExactly("archive", "recommendations");
    }

    @Test
    void aPersonIsNeverRecommendedWhatTheyAreNotEligibleFor() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(264);
        String mother = family.mother().idNumber();
        hub.awaitStatus(hub.submit(HubClient.newborn(mother, family.mother().name())), "COMPLETED");
        JsonNode recommended = hub.body(hub.getWithIdentityOf("/api/v1/subjects/" + mother + "/recommendations", mother));
        List<String> bundles = bundles(recommended.path("recommendations"));
        // The child was born today: not yet due at school; an enterprise's bundles are never a person's.
        assertThat(bundles).startsWith("maternity-allowance")
                .doesNotContain("primary-school-enrolment", "middle-school-enrolment", "business-startup", "employee-hiring");
        JsonNode allowance = recommended.path("recommendations").get(0);
        assertThat(allowance.path("reason").asText()).contains("新生儿出生");
        assertThat(allowance.path("facts").toString()).contains("allowance-after-birth", "\"yearsSince\"");
    }

    @Test
    void anEditedRuleIsServedAtOnceAndABrokenOneIsRefused() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(265);
        String mother = family.mother().idNumber();
        hub.awaitStatus(hub.submit(HubClient.newborn(mother, family.mother().name())), "COMPLETED");
        Path rules = Path.of(CONFIG_ROOT, "recommendations", "personal.yaml");
        String shipped = Files.readString(rules);
        try {
            Files.writeString(rules, shipped.replace("the maternity allowance is claimed within a year of the birth",
                    "claim the maternity allowance (edited)"));
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.body(hub.getWithIdentityOf(
                    "/api/v1/subjects/" + mother + "/recommendations", mother)).path("recommendations").get(0)
                    .path("reason").asText().contains("(edited)"));
            Files.writeString(rules, shipped.replace("recommend: maternity-allowance", "recommend: employee-hiring"));
            await().atMost(Duration.ofSeconds(20)).until(() -> !hub.body(hub.asOperator().get("/api/v1/ops/config"))
                    .path("rejected").isNull());
            assertThat(hub.body(hub.asOperator().get("/api/v1/ops/config")).path("rejected").toString())
                    .contains("recommendations/personal.yaml", "bundle 'employee-hiring' is for enterprise applicants");
            assertThat(hub.body(hub.getWithIdentityOf("/api/v1/subjects/" + mother + "/recommendations", mother))
                    .path("recommendations").get(0).path("reason").asText()).as("the last good rules keep serving")
                    .contains("(edited)");
        } finally {
            Files.writeString(rules, shipped);
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.body(hub.asOperator().get("/api/v1/ops/config"))
                    .path("rejected").isNull());
        }
    }

    private static JsonNode only(JsonNode array, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(e -> {
            if (e.path(field).asText().equals(value)) {
                found.add(e);
            }
        });
        assertThat(found).as(field + " = " + value + " in " + array).hasSize(1);
        return found.get(0);
    }

    private static List<String> bundles(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.path("bundle").asText()));
        return ids;
    }

    private static List<JsonNode> reads(JsonNode accessLog) {
        List<JsonNode> reads = new ArrayList<>();
        accessLog.path("entries").forEach(e -> {
            if (e.path("kind").asText().equals("READ")) {
                reads.add(e);
            }
        });
        return reads;
    }
}
