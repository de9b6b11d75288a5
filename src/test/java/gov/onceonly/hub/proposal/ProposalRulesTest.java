package gov.onceonly.hub.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped rules against the shipped catalogue, and what one rule makes of an event: a proposal with what the event
 * fills, nothing for another kind of event, and a rejection with its reason for a bad check character, a missing key or
 * a bundle no longer served.
 */
class ProposalRulesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final ConnectorCatalog CONNECTORS = ConnectorCatalog.load(ROOT, ROOT.resolve("connectors"));
    private static final BundleCatalog BUNDLES = BundleCatalog.load(ROOT, ROOT.resolve("mappings"), CONNECTORS);
    private static final ProposalRules RULES = ProposalRules.load(ROOT, BUNDLES, CONNECTORS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOTHER = idNumber("50010319900307002");

    @Test
    void theShippedRulesLoadWithTheirTopics() {
        assertThat(RULES.all()).extracting(CompiledRule::id).containsExactlyInAnyOrder("newborn-on-birth-record",
                "retirement-on-retirement-age", "after-death-on-death-record", "employee-hiring-on-new-enterprise");
        assertThat(RULES.topics()).containsExactly("mz.death-records", "rlsb.insured-events",
                "scjg.enterprise-registrations", "weijian.birth-events");
        assertThat(RULES.onTopic("weijian.birth-events")).extracting(CompiledRule::id).containsExactly("newborn-on-birth-record");
    }

    @Test
    void aBirthRecordProposesTheNewbornBundleToTheMotherWithWhatItFills() throws Exception {
        EventCheck.Outcome outcome = check("newborn-on-birth-record", birth(MOTHER, "BR-1"));
        assertThat(outcome).isEqualTo(new EventCheck.Proposed(MOTHER, "BR-1", Map.of("contactPhone", "13912345678"), Map.of()));
    }

    @Test
    void anotherKindOfEventIsNotTheRules() throws Exception {
        Map<String, Object> event = birth(MOTHER, "BR-2");
        event.put("eventType", "STILLBIRTH_CORRECTION");
        assertThat(check("newborn-on-birth-record", event)).isInstanceOf(EventCheck.NotMatched.class);
    }

    @Test
    void aBadCheckCharacterAMissingKeyOrAnUnknownBundleIsRejectedWithTheReason() throws Exception {
        String wrongCheck = MOTHER.substring(0, 17) + (MOTHER.charAt(17) == '1' ? '2' : '1');
        assertThat(check("newborn-on-birth-record", birth(wrongCheck, "BR-3")))
                .isEqualTo(new EventCheck.Rejected("motherIdNumber (the subject) has a wrong check character (GB 11643, ISO 7064 MOD 11-2)"));
        Map<String, Object> noKey = birth(MOTHER, "BR-4");
        noKey.remove("birthRecordNo");
        assertThat(check("newborn-on-birth-record", noKey))
                .isEqualTo(new EventCheck.Rejected("missing key: the event has no birthRecordNo (its event key)"));
        assertThat(EventCheck.check(RULES.find("newborn-on-birth-record").orElseThrow(), tree(birth(MOTHER, "BR-5")),
                id -> java.util.Optional.empty()))
                .isEqualTo(new EventCheck.Rejected("unknown bundle 'newborn': the catalogue does not serve it"));
        assertThat(EventCheck.check(RULES.find("newborn-on-birth-record").orElseThrow(), JSON.readTree("[1]"), BUNDLES::find))
                .isEqualTo(new EventCheck.Rejected("the event is not a JSON object"));
    }

    @Test
    void anEnterpriseRuleChecksTheCreditCodeAndADeathRecordNamesTheDeceasedParty() throws Exception {
        String first17 = "91500103MA5U7N1Q0";
        String code = first17 + CreditCode.checkCharacter(first17);
        Map<String, Object> established = new LinkedHashMap<>(Map.of("eventType", "ESTABLISHED", "creditCode", code));
        assertThat(check("employee-hiring-on-new-enterprise", established))
                .isEqualTo(new EventCheck.Proposed(code, code, Map.of(), Map.of()));
        established.put("creditCode", MOTHER);
        assertThat(check("employee-hiring-on-new-enterprise", established)).isInstanceOf(EventCheck.Rejected.class);

        String deceased = idNumber("50010319400101001");
        Map<String, Object> death = new LinkedHashMap<>(Map.of("eventType", "DEATH", "deathRecordNo", "D-1",
                "nextOfKinIdNumber", MOTHER, "deceasedIdNumber", deceased));
        assertThat(check("after-death-on-death-record", death))
                .isEqualTo(new EventCheck.Proposed(MOTHER, "D-1", Map.of(), Map.of("deceased", deceased)));
        death.put("deceasedIdNumber", deceased.substring(0, 17) + "Y");
        assertThat(check("after-death-on-death-record", death)).isInstanceOf(EventCheck.Rejected.class);
    }

    @Test
    void aRuleNamingAnUnknownBundleOrFormFieldOrAStreamThatIsNoKafkaSourceDoesNotCompile() {
        Map<String, gov.onceonly.hub.catalog.CompiledBundle> served = new LinkedHashMap<>();
        BUNDLES.all().forEach(b -> served.put(b.id(), b));
        ProposalRule rule = new ProposalRule("r", null, "newbron", new ProposalRule.Stream("gongan-population/person", null),
                Map.of(), "motherIdNumber", List.of("no"), new LinkedHashMap<>(Map.of("phone", "motherPhone")), null, null);
        assertThatThrownBy(() -> ProposalRuleCheck.compile("proposals/r.yaml", "r", rule, served, CONNECTORS))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.problems()).extracting(p -> p.path())
                        .containsExactly("stream.dataset", "bundle"))
                .hasMessageContaining("unknown bundle 'newbron'").hasMessageContaining("did you mean 'newborn'")
                .hasMessageContaining("not a kafka source connector");
        ProposalRule wrongField = new ProposalRule("r", null, "newborn", new ProposalRule.Stream("ybj-insured-persons/insured", null),
                Map.of(), "idNumber", List.of("idNumber"), new LinkedHashMap<>(Map.of("phone", "motherPhone")), null, null);
        assertThatThrownBy(() -> ProposalRuleCheck.compile("proposals/r.yaml", "r", wrongField, served, CONNECTORS))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.problems()).extracting(p -> p.path())
                        .containsExactly("form.phone"));
    }

    private static EventCheck.Outcome check(String rule, Map<String, Object> event) throws Exception {
        return EventCheck.check(RULES.find(rule).orElseThrow(), tree(event), BUNDLES::find);
    }

    private static JsonNode tree(Map<String, Object> event) {
        return JSON.valueToTree(event);
    }

    private static Map<String, Object> birth(String mother, String recordNo) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", "BIRTH");
        event.put("birthRecordNo", recordNo);
        event.put("motherIdNumber", mother);
        event.put("motherPhone", "13912345678");
        event.put("babyGender", "女");
        return event;
    }

    private static String idNumber(String first17) {
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }
}
