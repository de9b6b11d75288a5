package gov.onceonly.hub.catalog;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.SubjectKeyKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The real mappings/newborn.yaml compiled against the real connectors/, and broken mappings in a temp folder. */
class BundleCompilerTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String[] NEWBORN_ITEMS = {"birth-certificate", "household-registration",
            "medical-insurance", "social-security-card", "vaccination-certificate"};

    /** A small valid mapping; each error test breaks one thing in it. */
    private static final String VALID = MappingFixture.FACTS + """
            form:
              babyName: { title: 新生儿姓名 }
            items:
              - id: birth-certificate
                name: 出生医学证明
                department: 市卫生健康委
                target: weijian-approval
                demands:
                  babyName: { from: form.babyName }
                  motherName: { from: gongan-population/person.name }
            """;

    private static ConnectorCatalog connectors;
    private static CompiledBundle newborn;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadRealFiles() {
        connectors = ConnectorCatalog.load(ROOT, ROOT.resolve("connectors"));
        newborn = BundleCatalog.load(ROOT, ROOT.resolve("mappings"), connectors).find("newborn").orElseThrow();
    }

    @Test
    void fetchPlanAsksEachDatasetOnceHoweverManyItemsNeedIt() {
        Map<String, Long> fetchesPerDataset = newborn.fetchPlan().stream()
                .collect(Collectors.groupingBy(DatasetFetch::label, Collectors.counting()));
        assertThat(fetchesPerDataset).containsOnly(
                Map.entry("weijian-birth-records/birth", 1L),
                Map.entry("gongan-population/person", 1L),
                Map.entry("ybj-insured-persons/insured", 1L));

        Map<String, DatasetFetch> byLabel = newborn.fetchPlan().stream()
                .collect(Collectors.toMap(DatasetFetch::label, Function.identity()));
        assertThat(byLabel.get("weijian-birth-records/birth").items()).containsExactlyInAnyOrder(NEWBORN_ITEMS);
        assertThat(byLabel.get("gongan-population/person").items()).containsExactlyInAnyOrder(NEWBORN_ITEMS);
        assertThat(byLabel.get("ybj-insured-persons/insured").items()).containsExactly("medical-insurance");
    }

    @Test
    void eachFetchAsksTheUnionOfDemandedFieldsAndNothingElse() {
        Map<String, Set<String>> demanded = newborn.items().stream()
                .flatMap(item -> item.demands().stream())
                .map(CompiledBundle.CompiledDemand::origin)
                .filter(Origin.DatasetField.class::isInstance).map(Origin.DatasetField.class::cast)
                .collect(Collectors.groupingBy(Origin.DatasetField::label,
                        Collectors.mapping(Origin.DatasetField::field, Collectors.toCollection(TreeSet::new))));
        newborn.fetchPlan().forEach(fetch -> assertThat(fetch.fields()).isEqualTo(demanded.get(fetch.label())));

        DatasetFetch person = newborn.fetchPlan().stream().filter(f -> f.dataset().equals("person")).findFirst().orElseThrow();
        assertThat(person.fields()).containsExactlyInAnyOrder("name", "idNumber", "ethnicity", "householdAddress",
                "householdNumber", "householdHead", "policeStation", "maritalStatus");
        assertThat(person.fields()).doesNotContain("spouseName", "spouseIdNumber", "birthDate", "gender");
    }

    @Test
    void compilesItemsInFileOrderWithParsedOrigins() {
        assertThat(newborn.id()).isEqualTo("newborn");
        assertThat(newborn.subjectKey()).isEqualTo(SubjectKeyKind.ID_NUMBER);
        assertThat(newborn.version()).matches("[0-9a-f]{12}");
        assertThat(newborn.items()).extracting(CompiledBundle.CompiledItem::id).containsExactly(NEWBORN_ITEMS);

        var medical = newborn.item("medical-insurance").orElseThrow();
        assertThat(medical.target()).isEqualTo("ybj-enrolment");
        assertThat(medical.demands()).contains(
                new CompiledBundle.CompiledDemand("babyName", new Origin.FormInput("babyName"), true),
                new CompiledBundle.CompiledDemand("guardianName",
                        new Origin.DatasetField("gongan-population", "person", "name"), true));
        var birthCertificate = newborn.item("birth-certificate").orElseThrow();
        assertThat(birthCertificate.demands()).filteredOn(d -> !d.required())
                .extracting(CompiledBundle.CompiledDemand::name).containsExactly("fatherName", "fatherIdNumber");
    }

    @Test
    void theSmallMappingUsedBelowIsValid() throws IOException {
        CompiledBundle bundle = load(VALID).find("newborn").orElseThrow();
        assertThat(bundle.fetchPlan()).extracting(DatasetFetch::label).containsExactly("gongan-population/person");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown dataset field | gongan-population/person.name | gongan-population/person.birthDay | items[0].demands.motherName.from: unknown dataset field 'person.birthDay'; did you mean 'person.birthDate'?
            unknown dataset       | gongan-population/person.name | gongan-population/people.name     | items[0].demands.motherName.from: unknown dataset field 'people.name'
            unknown connector     | gongan-population/person.name | gongan-populace/person.name       | items[0].demands.motherName.from: unknown source connector 'gongan-populace'
            target as source      | gongan-population/person.name | weijian-approval/person.name      | items[0].demands.motherName.from: unknown source connector 'weijian-approval'
            malformed origin      | gongan-population/person.name | person.name                       | items[0].demands.motherName.from: expected form.<field>, output.<item>.<output> or <connector>/<dataset>.<field>; found 'person.name'
            unknown form field    | form.babyName                 | form.babyNmae                     | items[0].demands.babyName.from: unknown form field 'babyNmae'; did you mean 'babyName'?
            unknown target        | target: weijian-approval      | target: weijian-aproval           | items[0].target: unknown connector 'weijian-aproval'; did you mean 'weijian-approval'?
            source as target      | target: weijian-approval      | target: gongan-population         | items[0].target: connector 'gongan-population' is a source, not a target
            id not file name      | id: newborn                   | id: new-born                      | id: must equal the file name 'newborn'
            enterprise keys       | type: personal                | type: enterprise                  | items[0].demands.motherName.from: dataset 'person' is keyed by idNumber but this bundle's applicants are keyed by creditCode
            unknown property      | demands:                      | demand:                           | items[0].demand: unknown property 'demand'; did you mean 'demands'? ⏎ mappings/newborn.yaml: items[0].demands: is required
            unknown nested prop   | { from: form.babyName }       | { form: babyName }                | items[0].demands.babyName.form: unknown property 'form'; did you mean 'from'? ⏎ mappings/newborn.yaml: items[0].demands.babyName.from: is required
            wrong type            | sequence: 1                   | sequence: first                   | sequence: string found, integer expected; found 'first'
            wrong enum value      | type: personal                | type: company                     | type: must be personal or enterprise; found 'company'
            """)
    void brokenMappingNamesFileAndPath(String why, String original, String broken, String expected) throws IOException {
        String yaml = VALID.replace(original, broken);
        assertThat(yaml).as("the replacement applied").isNotEqualTo(VALID);
        // ⏎ separates the problems of one mistake: a misspelt key is unknown and leaves the key it meant missing.
        assertThat(loadError(yaml)).isEqualTo("mappings/newborn.yaml: " + expected.replace(" ⏎ ", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown batch       | batch: 优化提升             | batch: 第三批               | batch: must be one of 优化提升, 加快实施 (the two batches of the list); found '第三批'
            month not YYYY-MM   | completionMonth: 2023-05  | completionMonth: 2023年5月  | completionMonth: must be a month as YYYY-MM; found '2023年5月'
            sequence from 1     | sequence: 1               | sequence: 0                | sequence: must be the number of the bundle in its batch, from 1; found '0'
            stage missing       | 'stage: 出生阶段'           | ''                       | stage: is required
            """)
    void catalogueFactsAreChecked(String why, String original, String broken, String expected) throws IOException {
        String yaml = VALID.replace(original, broken);
        assertThat(yaml).as("the replacement applied").isNotEqualTo(VALID);
        assertThat(loadError(yaml)).isEqualTo("mappings/newborn.yaml: " + expected);
    }

    @Test
    void aStartupErrorGivesLineAndColumnAsTheLintDoes() throws IOException {
        String yaml = VALID.replace("target: weijian-approval", "target: weijian-aproval").replace("type: personal", "type: persnal");
        String message = assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> load(yaml)).actual().getMessage();
        assertThat(message).isEqualTo("mappings/newborn.yaml:" + position(yaml, "persnal")
                + ": error: type: must be personal or enterprise; found 'persnal'; did you mean 'personal'?");
        String compiled = VALID.replace("target: weijian-approval", "target: weijian-aproval")
                .replace("form.babyName }", "form.babyNmae }");
        assertThat(assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> load(compiled)).actual().getMessage())
                .isEqualTo("2 problems in configuration files:"
                        + "\n  mappings/newborn.yaml:" + position(compiled, "weijian-aproval")
                        + ": error: items[0].target: unknown connector 'weijian-aproval'; did you mean 'weijian-approval'?"
                        + "\n  mappings/newborn.yaml:" + position(compiled, "form.babyNmae")
                        + ": error: items[0].demands.babyName.from: unknown form field 'babyNmae'; did you mean 'babyName'?");
    }

    /** {@code line:column} of the first occurrence of {@code text}, one-based. */
    private static String position(String yaml, String text) {
        int offset = yaml.indexOf(text);
        int line = (int) yaml.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (offset - yaml.lastIndexOf('\n', offset - 1));
    }

    @Test
    void stageIsRequired() throws IOException {
        assertThat(loadError(VALID.replace("stage: 出生阶段\n", ""))).isEqualTo("mappings/newborn.yaml: stage: is required");
    }

    @Test
    void aFormFieldNoItemDemandsIsReported() throws IOException {
        String yaml = VALID.replace("  babyName: { title: 新生儿姓名 }\n",
                "  babyName: { title: 新生儿姓名 }\n  favouriteColour: { title: 喜欢的颜色 }\n");
        assertThat(loadError(yaml)).isEqualTo(
                "mappings/newborn.yaml: form.favouriteColour: no item demands this field; remove it from the form");
    }

    @Test
    void formFieldsTakeTypesAndExamples() throws IOException {
        String yaml = VALID.replace("  babyName: { title: 新生儿姓名 }\n",
                "  babyName: { title: 新生儿姓名, example: 陈小宝 }\n  fatherId: { title: 父亲身份号码, type: idNumber }\n")
                .replace("motherName: { from: gongan-population/person.name }",
                        "motherName: { from: gongan-population/person.name }\n      fatherId: { from: form.fatherId }");
        CompiledBundle bundle = load(yaml).find("newborn").orElseThrow();
        assertThat(bundle.definition().form().get("fatherId").type()).isEqualTo(FormFieldType.ID_NUMBER);
        assertThat(bundle.definition().form().get("babyName").example()).isEqualTo("陈小宝");
        assertThat(loadError(yaml.replace("type: idNumber", "type: uuid")))
                .isEqualTo("mappings/newborn.yaml: form.fatherId.type: "
                        + "must be string, integer, date, boolean, idNumber or creditCode; found 'uuid'");
    }

    @Test
    void missingFromIsRequired() throws IOException {
        assertThat(loadError(VALID.replace("{ from: form.babyName }", "{ required: true }")))
                .isEqualTo("mappings/newborn.yaml: items[0].demands.babyName.from: is required");
    }

    @Test
    void duplicateItemIdIsReported() throws IOException {
        String yaml = VALID + """
                  - id: birth-certificate
                    name: 出生医学证明
                    department: 市公安局
                    target: gongan-household-exchange
                    demands:
                      babyName: { from: form.babyName }
                """;
        assertThat(loadError(yaml)).isEqualTo("mappings/newborn.yaml: items[1].id: duplicate item id 'birth-certificate'");
    }

    @Test
    void anItemWithoutIdIsReportedNotACrash() throws IOException {
        String yaml = VALID.replace("- id: birth-certificate\n    name:", "- name:");
        assertThat(yaml).isNotEqualTo(VALID);
        assertThat(loadError(yaml))
                .isEqualTo("mappings/newborn.yaml: items[0].id: is required");
    }

    @Test
    void anEmptyItemEntryIsReported() throws IOException {
        assertThat(loadError(VALID.replace("items:\n", "items:\n  -\n")))
                .isEqualTo("mappings/newborn.yaml: items[0]: has no value");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotALastOneWins() throws IOException {
        assertThat(loadError(VALID.replace("sequence: 1", "sequence: 1\nsequence: 2")))
                .startsWith("mappings/newborn.yaml: ").contains("Duplicate field 'sequence'");
    }

    @Test
    void aFileOfOnlyCommentsIsEmpty() throws IOException {
        assertThat(loadError("# nothing here yet\n")).isEqualTo("mappings/newborn.yaml: file is empty");
    }

    @Test
    void allProblemsOfAllFilesAreReportedAtOnce() throws IOException {
        Files.createDirectories(temp.resolve("mappings"));
        Files.writeString(temp.resolve("mappings/other.yaml"), VALID.replace("id: newborn", "id: another"));
        String yaml = VALID.replace("target: weijian-approval", "target: nowhere")
                .replace("person.name", "person.nickname");
        assertThat(loadError(yaml)).isEqualTo("""
                mappings/newborn.yaml: items[0].target: unknown connector 'nowhere'
                mappings/newborn.yaml: items[0].demands.motherName.from: unknown dataset field 'person.nickname'
                mappings/other.yaml: id: must equal the file name 'other'""");
    }

    /** A fallback source is part of the fetch plan, and a fallback is checked like the demand's own origin. */
    @Test
    void fallbackSourcesJoinTheFetchPlanAndAreChecked() throws IOException {
        String withFallback = VALID.replace("motherName: { from: gongan-population/person.name }",
                "motherName: { from: gongan-population/person.name, fallback: [weijian-birth-records/birth.motherName], prefer: freshest }");
        CompiledBundle bundle = load(withFallback).find("newborn").orElseThrow();
        assertThat(bundle.fetchPlan()).extracting(DatasetFetch::label)
                .containsExactlyInAnyOrder("gongan-population/person", "weijian-birth-records/birth");
        CompiledBundle.CompiledDemand mother = bundle.items().get(0).demands().get(1);
        assertThat(mother.freshest()).isTrue();
        assertThat(mother.candidates()).extracting(Origin::toString).hasSize(2);
        assertThat(loadError(withFallback.replace("birth.motherName]", "birth.motherNam]")))
                .isEqualTo("mappings/newborn.yaml: items[0].demands.motherName.fallback[0]: unknown dataset field 'birth.motherNam'; did you mean 'birth.motherName'?");
    }

    private BundleCatalog load(String newbornYaml) throws IOException {
        Files.createDirectories(temp.resolve("mappings"));
        Files.writeString(temp.resolve("mappings/newborn.yaml"), newbornYaml);
        return BundleCatalog.load(temp, temp.resolve("mappings"), connectors);
    }

    /** The problems as {@code file: path: message}; where they are in the file is aStartupErrorGivesLineAndColumn's. */
    private String loadError(String newbornYaml) {
        ConfigFileException e = assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> load(newbornYaml))
                .actual();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.position()).as("placed in its file").isNotNull());
        return String.join("\n", e.problems().stream().map(p -> p.file() + ": " + p.pathAndMessage()).toList());
    }
}
