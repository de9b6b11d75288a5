package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.subject.CitizenIdNumber;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox 市教委's school-age rule by the sandbox's calendar, and 市公安局's register of the births it registers. */
class DepartmentRulesTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SandboxClock clock = new SandboxClock();
    private final SandboxRecords records = new SandboxRecords();
    private final DepartmentRules rules = new DepartmentRules(clock, records);

    @Test
    void aChildIsAdmittedToPrimarySchoolOnlyIfSixBeforeTheSchoolYearStarts() {
        LocalDate today = clock.today();
        int schoolYear = today.getMonthValue() > 8 ? today.getYear() + 1 : today.getYear();
        JsonNode sixInAugust = fields("childBirthDate", LocalDate.of(schoolYear - 6, 8, 31).toString());
        JsonNode sixInSeptember = fields("childBirthDate", LocalDate.of(schoolYear - 6, 9, 1).toString());

        assertThat(rules.refusal(DepartmentRules.SCHOOL_APPLICATION, sixInAugust)).isEmpty();
        assertThat(rules.refusal(DepartmentRules.SCHOOL_APPLICATION, sixInSeptember)).get().asString().startsWith("未到入学年龄");
        assertThat(rules.refusal("household-check", sixInSeptember)).as("another item, another rule").isEmpty();
        assertThat(rules.refusal(DepartmentRules.SCHOOL_APPLICATION, fields("childBirthDate", "soon"))).isPresent();

        JsonNode newborn = fields("childBirthDate", today.toString());
        assertThat(rules.refusal(DepartmentRules.SCHOOL_APPLICATION, newborn)).isPresent();
        clock.moveOn(Period.ofYears(6));
        assertThat(rules.refusal(DepartmentRules.SCHOOL_APPLICATION, newborn)).as("six years on").isEmpty();
        clock.reset();
        assertThat(clock.today()).isEqualTo(today);
    }

    @Test
    void aRegisteredBirthPutsTheChildOnTheRegisterUnderItsMother() {
        String mother = "50010319900307002" + CitizenIdNumber.checkCharacter("50010319900307002");
        JsonNode received = fields("motherIdNumber", mother, "babyName", "陈小宝", "babyGender", "女",
                "birthTime", "2026-12-01T09:30:00");
        rules.decided(received, Map.of("result", "准予登记"));
        assertThat(records.find("gongan-population/child", mother)).as("no ID number decided, nothing registered").isEmpty();

        rules.decided(received, Map.of("childIdNumber", "500103202612010011"));
        assertThat(records.find("gongan-population/child", mother).orElseThrow()).containsEntry("childName", "陈小宝")
                .containsEntry("childIdNumber", "500103202612010011").containsEntry("childBirthDate", "2026-12-01")
                .containsEntry("relationToChild", "母亲");
    }

    @Test
    void aChildIdNumberOutputIsAValidNumberOfTheMothersAreaAndTheBirthDate() {
        JsonNode received = fields("motherIdNumber", "500103199003070021", "birthTime", "2026-12-01T09:30:00");
        String issued = SandboxOutputs.value("childIdNumber", CitizenIdNumber.PATTERN, received, "app:household-registration",
                LocalDate.of(2026, 12, 3));
        assertThat(issued).startsWith("50010320261201").matches(CitizenIdNumber.PATTERN);
        assertThat(CitizenIdNumber.isValid(issued)).isTrue();
        assertThat(SandboxOutputs.value("childIdNumber", CitizenIdNumber.PATTERN, received, "app:household-registration",
                LocalDate.of(2026, 12, 3))).as("a repeat decides the same").isEqualTo(issued);
        JsonNode typedIn = fields("motherIdNumber", "500103199003070021", "birthTime", "由申请人提供的出生时间");
        String onTheDay = SandboxOutputs.value("childIdNumber", CitizenIdNumber.PATTERN, typedIn, "app:household-registration",
                LocalDate.of(2026, 12, 3));
        assertThat(CitizenIdNumber.isValid(onTheDay)).as("a birth time typed in as text: the day of the decision").isTrue();
        assertThat(onTheDay).startsWith("50010320261203");
    }

    private JsonNode fields(String... namesAndValues) {
        var node = json.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }
}
