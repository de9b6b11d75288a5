package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.application.ItemOutputs;
import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.application.ItemRecord.FieldOrigin;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledDemand;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import gov.onceonly.hub.catalog.ItemCondition;
import gov.onceonly.hub.catalog.Origin;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** ItemMapper is pure: real compiled items and answers in, an item record out. */
class ItemMapperTest {

    private static final Instant FORM_AT = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant PERSON_AT = Instant.parse("2025-03-01T08:00:01Z");
    private static final Instant INSURED_AT = Instant.parse("2025-03-01T08:00:02Z");

    private static final CompiledItem MEDICAL_INSURANCE = new CompiledItem("medical-insurance", "城乡居民医保参保登记",
            "市医保局", "ybj-enrolment", List.of("出生医学证明"), List.of(
            demand("babyName", "form.babyName", true),
            demand("guardianName", "gongan-population/person.name", true),
            demand("guardianIdNumber", "gongan-population/person.idNumber", true),
            demand("insuredArea", "ybj-insured-persons/insured.insuredArea", true),
            demand("fatherName", "weijian-birth-records/birth.fatherName", false)));

    private static final Map<String, Object> FORM = Map.of("babyName", "李小明", "contactPhone", "13800000000");

    @Test
    void recordHoldsOnlyTheDemandedFieldsUnderTheirDemandNames() {
        Map<String, SourceAnswer> answers = answers(
                found("gongan-population", "person", PERSON_AT, Map.of("name", "王芳", "idNumber", "11010519491231002X",
                        "spouseName", "李强", "maritalStatus", "已婚")),
                found("ybj-insured-persons", "insured", INSURED_AT, Map.of("insuredArea", "东城区", "employer", "某公司")));

        ItemRecord record = ItemMapper.map(MEDICAL_INSURANCE, answers, FORM, FORM_AT);

        assertThat(record.itemId()).isEqualTo("medical-insurance");
        assertThat(record.department()).isEqualTo("市医保局");
        assertThat(record.target()).isEqualTo("ybj-enrolment");
        assertThat(record.values()).containsExactly(
                Map.entry("babyName", "李小明"),
                Map.entry("guardianName", "王芳"),
                Map.entry("guardianIdNumber", "11010519491231002X"),
                Map.entry("insuredArea", "东城区"));
        assertThat(record.values()).doesNotContainKeys("spouseName", "maritalStatus", "employer", "contactPhone", "name");
        assertThat(record.values()).doesNotContainValue("李强");
        assertThat(record.missing()).as("fatherName is optional").isEmpty();
        assertThat(record.initialStatus()).isEqualTo(ItemStatus.PENDING);
    }

    @Test
    void anItemWhoseConditionDoesNotHoldMapsNothingAndSaysWhy() {
        CompiledItem onlyInDongcheng = new CompiledItem(MEDICAL_INSURANCE.id(), MEDICAL_INSURANCE.name(),
                MEDICAL_INSURANCE.department(), MEDICAL_INSURANCE.target(), List.of(), MEDICAL_INSURANCE.demands(), Map.of(),
                new CompiledBundle.CompiledCondition(Origin.parse("ybj-insured-persons/insured.insuredArea"),
                        new ItemCondition("ybj-insured-persons/insured.insuredArea", "东城区", null, null, null)), Map.of());
        Map<String, SourceAnswer> elsewhere = answers(
                found("gongan-population", "person", PERSON_AT, Map.of("name", "王芳", "idNumber", "11010519491231002X")),
                found("ybj-insured-persons", "insured", INSURED_AT, Map.of("insuredArea", "西城区")));

        ItemRecord record = ItemMapper.map(onlyInDongcheng, elsewhere, FORM, FORM_AT);

        assertThat(record.initialStatus()).isEqualTo(ItemStatus.NOT_APPLICABLE);
        assertThat(record.values()).isEmpty();
        assertThat(record.missing()).as("nothing is asked of the applicant for it").isEmpty();
        assertThat(record.notApplicableBecause())
                .isEqualTo("it applies only when ybj-insured-persons/insured.insuredArea is '东城区'; it is '西城区'");
        Map<String, SourceAnswer> there = answers(
                found("gongan-population", "person", PERSON_AT, Map.of("name", "王芳", "idNumber", "11010519491231002X")),
                found("ybj-insured-persons", "insured", INSURED_AT, Map.of("insuredArea", "东城区")));
        assertThat(ItemMapper.map(onlyInDongcheng, there, FORM, FORM_AT).initialStatus()).isEqualTo(ItemStatus.PENDING);
    }

    @Test
    void eachFieldRecordsItsOriginAndTime() {
        Map<String, SourceAnswer> answers = answers(
                found("gongan-population", "person", PERSON_AT, Map.of("name", "王芳", "idNumber", "11010519491231002X")),
                found("ybj-insured-persons", "insured", INSURED_AT, Map.of("insuredArea", "东城区")),
                found("weijian-birth-records", "birth", INSURED_AT, Map.of("fatherName", "李强")));

        ItemRecord record = ItemMapper.map(MEDICAL_INSURANCE, answers, FORM, FORM_AT);

        assertThat(record.provenance()).containsExactly(
                Map.entry("babyName", new FieldOrigin("form", FORM_AT)),
                Map.entry("guardianName", new FieldOrigin("gongan-population/person", PERSON_AT)),
                Map.entry("guardianIdNumber", new FieldOrigin("gongan-population/person", PERSON_AT)),
                Map.entry("insuredArea", new FieldOrigin("ybj-insured-persons/insured", INSURED_AT)),
                Map.entry("fatherName", new FieldOrigin("weijian-birth-records/birth", INSURED_AT)));
        assertThat(record.provenance().keySet()).isEqualTo(record.values().keySet());
        assertThat(record.provenance().values().stream().filter(FieldOrigin::fromApplicant).count()).as("by applicant").isEqualTo(1);
        assertThat(record.provenance().values().stream().filter(o -> !o.fromApplicant()).count()).as("by hub").isEqualTo(4);
    }

    @Test
    void requiredFieldsThatNothingProvidedAreMissing() {
        Map<String, SourceAnswer> answers = answers(
                SourceAnswer.notFound(new FetchRequest("app-1", "gongan-population", "person", "k"), PERSON_AT),
                SourceAnswer.failed(new FetchRequest("app-1", "weijian-birth-records", "birth", "k"), "timeout"));
        // ybj-insured-persons/insured did not answer at all; the form lacks babyName.

        ItemRecord record = ItemMapper.map(MEDICAL_INSURANCE, answers, Map.of("contactPhone", "13800000000"), FORM_AT);

        assertThat(record.missing()).containsExactly("babyName", "guardianName", "guardianIdNumber", "insuredArea");
        assertThat(record.values()).isEmpty();
        assertThat(record.provenance()).isEmpty();
        assertThat(record.initialStatus()).isEqualTo(ItemStatus.NEEDS_MATERIALS);
    }

    @Test
    void aFoundRecordWithoutTheFieldLeavesItMissing() {
        Map<String, SourceAnswer> answers = answers(
                found("gongan-population", "person", PERSON_AT, Map.of("name", "王芳")),
                found("ybj-insured-persons", "insured", INSURED_AT, Map.of("insuredArea", "东城区")));

        ItemRecord record = ItemMapper.map(MEDICAL_INSURANCE, answers, FORM, FORM_AT);

        assertThat(record.missing()).containsExactly("guardianIdNumber");
        assertThat(record.values()).containsOnlyKeys("babyName", "guardianName", "insuredArea");
        assertThat(record.initialStatus()).isEqualTo(ItemStatus.NEEDS_MATERIALS);
    }

    @Test
    void eachMaterialKeepsTheTimeItWasSuppliedWhenTheItemIsMappedAgain() {
        Map<String, SourceAnswer> answers = answers(
                SourceAnswer.notFound(new FetchRequest("app-1", "gongan-population", "person", "k"), PERSON_AT),
                found("ybj-insured-persons", "insured", INSURED_AT, Map.of("insuredArea", "东城区")));
        Instant firstCall = Instant.parse("2025-03-02T09:00:00Z");
        Instant secondCall = Instant.parse("2025-03-05T10:00:00Z");

        ItemRecord record = ItemMapper.map(MEDICAL_INSURANCE, answers, FORM, FORM_AT,
                Map.of("guardianName", "王芳", "guardianIdNumber", "110101199003074514"),
                Map.of("guardianName", firstCall, "guardianIdNumber", secondCall), Map.of());

        assertThat(record.missing()).isEmpty();
        assertThat(record.provenance().get("guardianName")).isEqualTo(new FieldOrigin(FieldOrigin.MATERIALS, firstCall));
        assertThat(record.provenance().get("guardianIdNumber")).isEqualTo(new FieldOrigin(FieldOrigin.MATERIALS, secondCall));
    }

    @Test
    void everyNewbornItemGetsExactlyItsDemandsFromFullAnswers() {
        Path root = Path.of("").toAbsolutePath();
        ConnectorCatalog connectors = ConnectorCatalog.load(root, root.resolve("connectors"));
        CompiledBundle newborn = BundleCatalog.load(root, root.resolve("mappings"), connectors).find("newborn").orElseThrow();
        Map<String, SourceAnswer> answers = new HashMap<>();
        for (var fetch : newborn.fetchPlan()) {
            // every field the source declares, plus one it does not: none of the extras may reach a record
            Map<String, Object> fields = new HashMap<>();
            connectors.dataset(fetch.connector(), fetch.dataset()).orElseThrow().fields().keySet()
                    .forEach(f -> fields.put(f, fetch.dataset() + ":" + f));
            fields.put("internalNote", "not for any item");
            answers.put(fetch.label(), found(fetch.connector(), fetch.dataset(), PERSON_AT, fields));
        }
        Map<String, Object> form = new HashMap<>();
        newborn.definition().form().keySet().forEach(f -> form.put(f, "form:" + f));

        // The decisions the later items take outputs from: the certificate's number, the child's ID number.
        Map<String, ItemOutputs> decided = Map.of(
                "birth-certificate", new ItemOutputs("birth-certificate", "市卫生健康委", FORM_AT, Map.of("certificateNo", "Q000000001")),
                "household-registration", new ItemOutputs("household-registration", "市公安局", FORM_AT,
                        Map.of("childIdNumber", "11010520230501123X")));

        Map<String, ItemRecord> records = newborn.items().stream().collect(Collectors.toMap(CompiledItem::id,
                item -> ItemMapper.map(item, answers, form, FORM_AT, Map.of(), Map.of(), decided)));

        newborn.items().forEach(item -> assertThat(records.get(item.id()).values().keySet())
                .containsExactlyElementsOf(item.demands().stream().map(CompiledDemand::name).toList()));
        assertThat(records.values()).allSatisfy(r -> {
            assertThat(r.missing()).isEmpty();
            assertThat(r.values()).doesNotContainValue("not for any item");
        });
        assertThat(records.get("medical-insurance").values()).containsEntry("guardianName", "person:name")
                .containsEntry("contactPhone", "form:contactPhone");
        // counted by hand from mappings/newborn.yaml: hub 12+13+8+5+7 (outputs of decisions included), applicant 1+2+2+3+3
        assertThat(count(records, false)).isEqualTo(45);
        assertThat(count(records, true)).isEqualTo(11);
        assertThat(records.get("birth-certificate").provenance().values()).filteredOn(FieldOrigin::fromApplicant).hasSize(1);
    }

    @Test
    void mappingTwiceGivesTheSameRecord() {
        Map<String, SourceAnswer> answers = answers(
                found("gongan-population", "person", PERSON_AT, Map.of("name", "王芳", "idNumber", "11010519491231002X")));
        assertThat(ItemMapper.map(MEDICAL_INSURANCE, answers, FORM, FORM_AT))
                .isEqualTo(ItemMapper.map(MEDICAL_INSURANCE, answers, FORM, FORM_AT));
    }

    /** Two sources of one field: from, then fallback in order; or, with prefer: freshest, the newest answer. */
    @Test
    void precedenceChoosesBetweenSourcesOfOneField() {
        List<Origin> fallback = List.of(Origin.parse("ybj-insured-persons/insured.employer"));
        CompiledItem inOrder = item(new CompiledDemand("employer", Origin.parse("rlsb-social-insurance/insured-person.employer"),
                true, fallback, false));
        CompiledItem freshest = item(new CompiledDemand("employer", Origin.parse("rlsb-social-insurance/insured-person.employer"),
                true, fallback, true));
        SourceAnswer older = found("rlsb-social-insurance", "insured-person", PERSON_AT, Map.of("employer", "旧单位"));
        SourceAnswer newer = found("ybj-insured-persons", "insured", INSURED_AT, Map.of("employer", "新单位"));

        assertThat(ItemMapper.map(inOrder, answers(older, newer), FORM, FORM_AT).values()).containsEntry("employer", "旧单位");
        assertThat(ItemMapper.map(freshest, answers(older, newer), FORM, FORM_AT).values()).containsEntry("employer", "新单位");
        ItemRecord fellBack = ItemMapper.map(inOrder, answers(newer), FORM, FORM_AT);
        assertThat(fellBack.values()).containsEntry("employer", "新单位");
        assertThat(fellBack.provenance().get("employer").origin()).isEqualTo("ybj-insured-persons/insured");
        assertThat(ItemMapper.map(inOrder, answers(), FORM, FORM_AT).missing()).containsExactly("employer");
    }

    /**
     * An output demand waits while its item is not done (not missing: the item is mapped again when released); once
     * the item is done, its value comes with "item x, reported by D at T", and a done item without it leaves it missing.
     */
    @Test
    void anEarlierItemsOutputIsTakenWithItsProvenanceOnceThatItemIsDone() {
        CompiledItem seals = new CompiledItem("seal-engraving", "公章刻制备案", "市公安局", "gongan-approval", List.of(),
                List.of(demand("creditCode", "output.establishment-registration.creditCode", true),
                        demand("sealTypes", "form.sealTypes", false)),
                Map.of("establishment-registration", gov.onceonly.hub.application.Milestone.DONE), null, Map.of());
        Instant doneAt = Instant.parse("2025-03-02T10:00:00Z");
        Map<String, Object> form = Map.of("sealTypes", "公章");

        ItemRecord beforeDone = ItemMapper.map(seals, answers(), form, FORM_AT, Map.of(), Map.of(), Map.of());
        assertThat(beforeDone.missing()).isEmpty();
        assertThat(beforeDone.values()).doesNotContainKey("creditCode");
        assertThat(beforeDone.takesOutputs()).isTrue();
        assertThat(beforeDone.initialStatus()).isEqualTo(ItemStatus.WAITING);

        ItemRecord afterDone = ItemMapper.map(seals, answers(), form, FORM_AT, Map.of(), Map.of(), Map.of(
                "establishment-registration", new ItemOutputs("establishment-registration", "市市场监管局", doneAt,
                        Map.of("creditCode", "91500000MA5U0001X1"))));
        assertThat(afterDone.values()).containsEntry("creditCode", "91500000MA5U0001X1");
        assertThat(afterDone.provenance().get("creditCode"))
                .isEqualTo(new FieldOrigin("item:establishment-registration", doneAt, "市市场监管局"));

        ItemRecord doneWithout = ItemMapper.map(seals, answers(), form, FORM_AT, Map.of(), Map.of(), Map.of(
                "establishment-registration", new ItemOutputs("establishment-registration", "市市场监管局", doneAt, Map.of())));
        assertThat(doneWithout.missing()).containsExactly("creditCode");
    }

    private static CompiledItem item(CompiledDemand demand) {
        return new CompiledItem("retiree", "退休", "市人力社保局", "rlsb-business", List.of(), List.of(demand));
    }

    private static long count(Map<String, ItemRecord> records, boolean fromForm) {
        return records.values().stream().flatMap(r -> r.provenance().values().stream())
                .filter(o -> o.fromApplicant() == fromForm).count();
    }

    private static CompiledDemand demand(String name, String from, boolean required) {
        return new CompiledDemand(name, Origin.parse(from), required);
    }

    private static SourceAnswer found(String connector, String dataset, Instant at, Map<String, Object> fields) {
        return SourceAnswer.found(new FetchRequest("app-1", connector, dataset, "11010519491231002X"), fields, at);
    }

    private static Map<String, SourceAnswer> answers(SourceAnswer... answers) {
        Map<String, SourceAnswer> byLabel = new HashMap<>();
        for (SourceAnswer answer : answers) {
            byLabel.put(answer.label(), answer);
        }
        return Map.copyOf(byLabel);
    }
}
