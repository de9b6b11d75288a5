package gov.onceonly.hub.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When an item applies ({@code when}): the four comparisons, and what the compiler checks. */
class ItemConditionTest {

    /** The card only when the baby is registered with the father; the form answer is asked for that alone. */
    private static final String SWITCHED = MappingFixture.FACTS + """
            form:
              babyName: { title: 新生儿姓名 }
              registrationChoice: { title: 落户方式, pattern: "^(mother|father)$" }
            items:
            """ + MappingFixture.CERTIFICATE_ITEM + """
              - id: social-security-card
                name: 社会保障卡申领
                department: 市人力社保局
                target: rlsb-card-approval
                when: { field: form.registrationChoice, equals: father }
                demands:
                  motherName: { from: gongan-population/person.name }
            """;

    @TempDir
    Path temp;

    @Test
    void eachComparisonHoldsOnlyForWhatItSays() {
        ItemCondition equalsFather = new ItemCondition("form.registrationChoice", "father", null, null, null);
        assertThat(equalsFather.holds("father")).isTrue();
        assertThat(equalsFather.holds("mother")).isFalse();
        assertThat(equalsFather.holds(null)).isFalse();
        assertThat(new ItemCondition("f", 5, null, null, null).holds("5.0")).as("numbers by value").isTrue();
        assertThat(new ItemCondition("f", true, null, null, null).holds(true)).isTrue();
        ItemCondition oneOf = new ItemCondition("f", null, List.of("a", "b"), null, null);
        assertThat(oneOf.holds("b")).isTrue();
        assertThat(oneOf.holds("c")).isFalse();
        ItemCondition employees = new ItemCondition("form.plannedEmployees", null, null, BigDecimal.ZERO, null);
        assertThat(employees.holds(8)).isTrue();
        assertThat(employees.holds(0)).isFalse();
        assertThat(employees.holds("many")).isFalse();
        assertThat(new ItemCondition("f", null, null, null, true).holds(" ")).isFalse();
        assertThat(new ItemCondition("f", null, null, null, false).holds(null)).isTrue();
    }

    @Test
    void theReasonSaysWhatWasAskedAndWhatWasFound() {
        assertThat(new ItemCondition("form.registrationChoice", "father", null, null, null).whyNot("mother"))
                .isEqualTo("it applies only when form.registrationChoice is 'father'; it is 'mother'");
        assertThat(new ItemCondition("form.plannedEmployees", null, null, BigDecimal.ZERO, null).whyNot(null))
                .isEqualTo("it applies only when form.plannedEmployees is greater than 0; there is no value");
    }

    @Test
    void aConditionIsCompiledAndShownOnTheFormItSwitches() throws IOException {
        CompiledBundle bundle = load(SWITCHED);
        CompiledBundle.CompiledItem card = bundle.item("social-security-card").orElseThrow();
        assertThat(card.condition().origin()).isEqualTo(new Origin.FormInput("registrationChoice"));
        assertThat(bundle.item("birth-certificate").orElseThrow().condition()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> choice = (Map<String, Object>) ((Map<String, Object>) FormSchema.of(bundle).get("properties"))
                .get("registrationChoice");
        assertThat(choice.get("x-switches")).isEqualTo(List.of(Map.of("item", "social-security-card",
                "name", "社会保障卡申领", "appliesWhen", "form.registrationChoice is 'father'")));
    }

    @Test
    void aSourceFieldInAConditionJoinsTheFetchPlan() throws IOException {
        CompiledBundle bundle = load(SWITCHED.replace("{ field: form.registrationChoice, equals: father }",
                "{ field: gongan-population/person.ethnicity, present: true }")
                .replace("  registrationChoice: { title: 落户方式, pattern: \"^(mother|father)$\" }\n", ""));
        assertThat(bundle.fetchPlan()).singleElement().satisfies(fetch ->
                assertThat(fetch.fields()).containsExactlyInAnyOrder("name", "ethnicity"));
    }

    @Test
    void aConditionOnAFieldThatDoesNotExistIsRejected() {
        assertThat(loadError(SWITCHED.replace("field: form.registrationChoice", "field: form.registrationChoise")))
                .contains("mappings/newborn.yaml: items[1].when.field: unknown form field 'registrationChoise'");
        assertThat(loadError(SWITCHED.replace("field: form.registrationChoice", "field: gongan-population/person.tribe")))
                .contains("mappings/newborn.yaml: items[1].when.field: unknown dataset field 'person.tribe'");
    }

    @Test
    void aConditionComparesInExactlyOneWay() {
        assertThat(loadError(SWITCHED.replace("equals: father }", "equals: father, present: true }")))
                .isEqualTo("mappings/newborn.yaml: items[1].when: give exactly one of equals, in, greaterThan, present; "
                        + "found [equals, present]");
        assertThat(loadError(SWITCHED.replace(", equals: father }", " }")))
                .isEqualTo("mappings/newborn.yaml: items[1].when: give exactly one of equals, in, greaterThan, present");
    }

    private CompiledBundle load(String yaml) throws IOException {
        return MappingFixture.newborn(temp, yaml);
    }

    private String loadError(String yaml) {
        return MappingFixture.loadError(temp, yaml);
    }
}
