package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.subject.CitizenIdNumber;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deterministic synthetic families of Chongqing: the same seed gives the same people on every machine,
 * with valid ID numbers (GB 11643 check characters). Every family but each tenth has a birth record;
 * each family's mother is insured.
 */
public final class SyntheticPeople {

    private static final String[] REGIONS = {"500103", "500105", "500106", "500107", "500108", "500112", "500101"};
    private static final String[] DISTRICTS = {"渝中区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "渝北区", "万州区"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "胡", "朱"};
    private static final String[] GIVEN = {"芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "霞"};
    private static final String[] STREETS = {"解放碑街道民族路", "观音桥街道建新北路", "小龙坎街道天陈路", "杨家坪街道西郊路", "南坪街道江南大道", "龙溪街道金山路", "高笋塘街道白岩路"};
    private static final String[] HOSPITALS = {"重庆医科大学附属第一医院", "重庆市妇幼保健院", "陆军军医大学第一附属医院", "重庆市人民医院"};

    public record Person(String idNumber, String name, String gender, String ethnicity, LocalDate birthDate) {
    }

    public record Birth(String babyGender, LocalDateTime birthTime, String birthPlace, String hospitalName,
                        int birthWeightGrams, double birthLengthCm, int gestationWeeks, String medicalCertificateNo) {
    }

    /** A mother, her husband, their household and (usually) their newborn's birth record. */
    public record Family(Person mother, Person father, String householdAddress, String householdNumber,
                         String policeStation, String insuredId, Birth birth) {

        public Optional<Birth> birthRecord() {
            return Optional.ofNullable(birth);
        }
    }

    private final List<Family> families;
    private final Map<String, Family> byMother;
    private final Function<String, Optional<Map<String, Object>>> otherResidents;

    private SyntheticPeople(List<Family> families, Function<String, Optional<Map<String, Object>>> otherResidents) {
        this.families = List.copyOf(families);
        this.byMother = families.stream().collect(Collectors.toMap(f -> f.mother().idNumber(), Function.identity()));
        this.otherResidents = otherResidents;
    }

    /** The same families, with the population registry also answering for other residents (the catalogue's). */
    public SyntheticPeople withOtherResidents(Function<String, Optional<Map<String, Object>>> populationRecords) {
        return new SyntheticPeople(families, populationRecords);
    }

    /** Up to 490 families, each with distinct ID numbers. */
    public static SyntheticPeople generate(int count) {
        if (count > 490) {
            throw new IllegalArgumentException("at most 490 synthetic families");
        }
        Random random = new Random(20230519L);
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int district = random.nextInt(REGIONS.length);
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            Person mother = person(random, REGIONS[district], SURNAMES[random.nextInt(SURNAMES.length)], "女", i);
            Person father = person(random, REGIONS[district], surname, "男", i);
            String address = "重庆市" + DISTRICTS[district] + STREETS[district] + (10 + random.nextInt(300)) + "号";
            String household = String.format("%s%06d", REGIONS[district], 100000 + i);
            Birth birth = i % 10 == 9 ? null : new Birth(random.nextBoolean() ? "男" : "女",
                    LocalDateTime.of(2026, 11, 1 + random.nextInt(25), random.nextInt(24), random.nextInt(60)),
                    "重庆市" + DISTRICTS[district], HOSPITALS[random.nextInt(HOSPITALS.length)],
                    2600 + random.nextInt(1600), 46 + random.nextInt(80) / 10.0, 37 + random.nextInt(5),
                    String.format("Q%09d", 500000000 + i));
            families.add(new Family(mother, father, address, household, DISTRICTS[district] + "派出所",
                    String.format("CQ%010d", 1000000L + i), birth));
        }
        return new SyntheticPeople(families, id -> Optional.empty());
    }

    private static Person person(Random random, String region, String surname, String gender, int i) {
        LocalDate birthDate = LocalDate.of(1986 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(28));
        // The sequence comes from the family number, so no two synthetic people share an ID number.
        int sequence = 2 * (i % 490) + 10 + ("男".equals(gender) ? 1 : 0);
        String first17 = region + birthDate.toString().replace("-", "") + String.format("%03d", sequence);
        String name = surname + GIVEN[random.nextInt(GIVEN.length)] + (i % 3 == 0 ? GIVEN[random.nextInt(GIVEN.length)] : "");
        return new Person(first17 + CitizenIdNumber.checkCharacter(first17), name, gender, "汉族", birthDate);
    }

    public List<Family> families() {
        return families;
    }

    public Optional<Family> byMother(String idNumber) {
        return Optional.ofNullable(byMother.get(idNumber));
    }

    /** The population registry's view of a person: the mothers, with their household, then the other residents. */
    public Optional<Map<String, Object>> populationRecord(String idNumber) {
        return byMother(idNumber).<Map<String, Object>>map(f -> Map.ofEntries(
                Map.entry("idNumber", f.mother().idNumber()),
                Map.entry("name", f.mother().name()),
                Map.entry("gender", f.mother().gender()),
                Map.entry("ethnicity", f.mother().ethnicity()),
                Map.entry("birthDate", f.mother().birthDate().toString()),
                Map.entry("householdAddress", f.householdAddress()),
                Map.entry("householdNumber", f.householdNumber()),
                Map.entry("householdHead", f.father().name()),
                Map.entry("policeStation", f.policeStation()),
                Map.entry("maritalStatus", "已婚"),
                Map.entry("spouseName", f.father().name()),
                Map.entry("spouseIdNumber", f.father().idNumber()))).or(() -> otherResidents.apply(idNumber));
    }
}
