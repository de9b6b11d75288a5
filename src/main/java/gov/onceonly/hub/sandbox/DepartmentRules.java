package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What two sandbox departments check or record when they decide, beyond saying DONE. 市教委 admits to primary school
 * only a child who is six by 31 August of the school year applied for, by the sandbox's calendar; 市公安局 enters a
 * child it registered at birth on the population register, in the mother's household, under the citizen ID number
 * its decision gave, so that the family's next application finds the child there.
 */
final class DepartmentRules {

    /** The primary-school application of 义务教育阶段小学入学 (mappings/primary-school-enrolment.yaml). */
    static final String SCHOOL_APPLICATION = "school-application";
    private static final int SCHOOL_AGE = 6;

    private final SandboxClock clock;
    private final SandboxRecords records;

    DepartmentRules(SandboxClock clock, SandboxRecords records) {
        this.clock = clock;
        this.records = records;
    }

    /** Why the department refuses the item it received, if it does. */
    Optional<String> refusal(String item, JsonNode fields) {
        if (!SCHOOL_APPLICATION.equals(item) || !fields.hasNonNull("childBirthDate")) {
            return Optional.empty();
        }
        Optional<LocalDate> birthDate = SandboxOutputs.date(fields.path("childBirthDate").asText(""));
        if (birthDate.isEmpty()) {
            return Optional.of("出生日期无法识别（沙箱）");
        }
        LocalDate born = birthDate.get();
        LocalDate today = clock.today();
        // Applied for after August, the school year is next year's.
        int schoolYear = today.getMonthValue() > 8 ? today.getYear() + 1 : today.getYear();
        LocalDate sixOn = born.plusYears(SCHOOL_AGE);
        return sixOn.isAfter(LocalDate.of(schoolYear, 8, 31))
                ? Optional.of("未到入学年龄：%s 年 8 月 31 日前未满 %d 周岁（沙箱）".formatted(schoolYear, SCHOOL_AGE))
                : Optional.empty();
    }

    /** After a DONE decision with those outputs: a birth registered puts the child on the population register. */
    void decided(JsonNode fields, Map<String, Object> outputs) {
        Object child = outputs.get("childIdNumber");
        String mother = fields.path("motherIdNumber").asText("");
        Optional<LocalDate> born = SandboxOutputs.date(fields.path("birthTime").asText(""));
        if (child == null || mother.isEmpty() || born.isEmpty()) {
            return;
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("childName", fields.path("babyName").asText());
        record.put("childIdNumber", child.toString());
        record.put("childGender", fields.path("babyGender").asText());
        record.put("childBirthDate", born.get().toString());
        record.put("relationToChild", "母亲");
        records.put("gongan-population/child", mother, record);
    }
}
