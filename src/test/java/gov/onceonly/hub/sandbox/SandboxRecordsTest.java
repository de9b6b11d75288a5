package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's synthetic residents and enterprises: valid, deterministic, and enough for every bundle. */
class SandboxRecordsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final ConnectorCatalog CONNECTORS = ConnectorCatalog.load(ROOT, ROOT.resolve("connectors"));
    private static final BundleCatalog BUNDLES = BundleCatalog.load(ROOT, ROOT.resolve("mappings"), CONNECTORS);
    private static final SandboxRecords RECORDS = SandboxRecords.generate();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static List<String> bundles() {
        return BUNDLES.all().stream().map(CompiledBundle::id).toList();
    }

    @Test
    void everyIdNumberAndCreditCodeIsValidAndNoneIsShared() {
        Set<String> ids = new HashSet<>();
        RECORDS.all("gongan-population/person").forEach((id, person) -> {
            assertThat(CitizenIdNumber.problem(id)).as(id).isEmpty();
            assertThat(ids.add(id)).isTrue();
            if (person.get("spouseIdNumber") != null) {
                assertThat(CitizenIdNumber.isValid((String) person.get("spouseIdNumber"))).isTrue();
            }
        });
        RECORDS.all("gongan-population/child").values().forEach(c -> assertThat(CitizenIdNumber.isValid((String) c.get("childIdNumber"))).isTrue());
        RECORDS.all("mz-civil-affairs/death").values().forEach(d -> assertThat(CitizenIdNumber.isValid((String) d.get("deceasedIdNumber"))).isTrue());
        SyntheticPeople.generate(490).families().forEach(f -> assertThat(ids).doesNotContain(f.mother().idNumber(), f.father().idNumber()));
        assertThat(RECORDS.all("scjg-enterprise-registry/enterprise")).hasSize(40).allSatisfy((code, e) -> {
            assertThat(CreditCode.problem(code)).as(code).isEmpty();
            assertThat(SyntheticEnterprises.organisationCheck(code.substring(8, 16))).isEqualTo(code.charAt(16));
            assertThat(CitizenIdNumber.isValid((String) e.get("legalRepIdNumber"))).isTrue();
        });
    }

    @Test
    void theOrganisationCodeCheckFollowsGb11714() {
        // the organisation code inside 91350100M000100Y43: M=22, Y=34; 66+0+0+0+5+0+0+68 = 139, 11 - 139 mod 11 = 4
        assertThat(SyntheticEnterprises.organisationCheck("M000100Y")).isEqualTo('4');
    }

    @Test
    void theSameRecordsOnEveryRun() throws Exception {
        SandboxRecords again = SandboxRecords.generate();
        for (String dataset : List.of("gongan-population/person", "dsj-e-certificates/marriage-certificate",
                "scjg-enterprise-registry/enterprise", "ghzy-real-estate/property", "weijian-birth-records/birth")) {
            assertThat(JSON.writeValueAsString(again.all(dataset))).isEqualTo(JSON.writeValueAsString(RECORDS.all(dataset)));
        }
    }

    @Test
    void everyRecordHoldsExactlyTheFieldsItsDatasetDeclares() {
        for (var entry : CONNECTORS.entries()) {
            ConnectorDefinition connector = entry.definition();
            connector.datasets().forEach((name, dataset) -> {
                Map<String, Map<String, Object>> all = RECORDS.all(connector.id() + "/" + name);
                assertThat(all).as("%s/%s has synthetic records", connector.id(), name).isNotEmpty();
                all.values().forEach(record -> assertThat(record.keySet()).as("%s/%s", connector.id(), name)
                        .containsExactlyInAnyOrderElementsOf(dataset.fields().keySet()));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyBundleHasASyntheticApplicantWithEveryDemandedFieldOnRecord(String id) throws Exception {
        SandboxApplications applications = new SandboxApplications(BUNDLES, RECORDS, new StandInFixtures(java.nio.file.Path.of(".")), JSON);
        SandboxApplications.Sample sample = applications.sample(id);
        JsonNode body = JSON.readTree(sample.json());
        assertThat(body.path("bundle").asText()).isEqualTo(id);
        CompiledBundle bundle = BUNDLES.find(id).orElseThrow();
        String key = bundle.subjectKey().yamlName();
        assertThat(body.path("applicant").path(key).asText()).isEqualTo(sample.subjectKey());
        assertThat(body.path("form").size()).isEqualTo(bundle.definition().form().size());
        assertThat(applications.sample(id).json()).isEqualTo(sample.json());
    }
}
