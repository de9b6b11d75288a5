package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.sandbox.SyntheticPeople.Person;
import gov.onceonly.hub.subject.CitizenIdNumber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic residents of Chongqing for the catalogue's personal bundles, apart from the newborn families (other
 * districts, so no ID number is shared). Four life stages take turns — a graduate, a parent, someone near
 * retirement, a senior — and the rest of a resident's circumstances follow from their number, so that every
 * personal bundle has residents it applies to, on every machine.
 */
public final class SyntheticResidents {

    enum Stage { GRADUATE, PARENT, NEAR_RETIREMENT, SENIOR }

    private static final String[] REGIONS = {"500104", "500109", "500110", "500113", "500115", "500116", "500117", "500118"};
    private static final String[] DISTRICTS = {"大渡口区", "北碚区", "綦江区", "巴南区", "长寿区", "江津区", "合川区", "永川区"};
    private static final String[] STREETS = {"新山村街道松青路", "天生街道云华路", "古南街道沱湾路", "鱼洞街道龙洲大道",
            "凤城街道桃源路", "几江街道鼎山大道", "合阳城街道南园路", "中山路街道人民大道"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "胡", "郭", "何"};
    private static final String[] GIVEN = {"俊", "欣", "宇", "婷", "浩", "雪", "博", "颖", "鑫", "琳", "凯", "倩", "晨", "悦", "峰", "蕾"};

    /** A resident with the people around them; {@code spouse}, {@code child} and {@code deceased} may be absent. */
    public record Resident(int index, Stage stage, Person person, int district, String householdAddress,
                           String residenceAddress, String householdNumber, Person spouse, Person child,
                           Person deceased, Flags flags) {

        public String districtName() {
            return DISTRICTS[district];
        }

        public String policeStation() {
            return DISTRICTS[district] + STREETS[district].substring(0, STREETS[district].indexOf("街道")) + "派出所";
        }

        boolean female() {
            return "女".equals(person.gender());
        }
    }

    /** What a resident's records hold, decided by their number (see {@link #generate}). */
    public record Flags(boolean ownsHome, boolean graduate, boolean degree, boolean title, boolean vehicle,
                        boolean disabled, boolean veteran, boolean assisted, boolean adopting, boolean newborn) {
    }

    private final List<Resident> residents;

    private SyntheticResidents(List<Resident> residents) {
        this.residents = List.copyOf(residents);
    }

    public static SyntheticResidents generate(int count) {
        Random random = new Random(20231001L);
        Set<String> used = new HashSet<>();
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Stage stage = Stage.values()[i % 4];
            boolean female = (i / 4) % 2 == 0;
            int d = random.nextInt(REGIONS.length);
            LocalDate born = switch (stage) {
                case GRADUATE -> LocalDate.of(2001 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
                case PARENT -> LocalDate.of(1985 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
                case NEAR_RETIREMENT -> LocalDate.of(1966 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
                case SENIOR -> LocalDate.of(1938 + random.nextInt(14), 1 + random.nextInt(12), 1 + random.nextInt(28));
            };
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            Person person = person(random, used, REGIONS[d], surname, female, born);
            boolean married = stage != Stage.GRADUATE || i % 3 == 0;
            Person spouse = married ? person(random, used, REGIONS[d], SURNAMES[random.nextInt(SURNAMES.length)], !female,
                    born.plusYears(female ? -2 : 2).plusDays(random.nextInt(300))) : null;
            Person child = stage == Stage.PARENT ? person(random, used, REGIONS[d], female && spouse != null ? spouse.name().substring(0, 1) : surname,
                    random.nextBoolean(), (i / 8) % 2 == 0 ? LocalDate.of(2020, 3 + random.nextInt(6), 1 + random.nextInt(28))
                            : LocalDate.of(2014, 3 + random.nextInt(6), 1 + random.nextInt(28))) : null;
            boolean declaresDeath = (stage == Stage.NEAR_RETIREMENT || stage == Stage.SENIOR) && i % 2 == 0;
            Person deceased = !declaresDeath ? null : stage == Stage.SENIOR && spouse != null ? spouse
                    : person(random, used, REGIONS[d], surname, random.nextBoolean(), born.minusYears(26 + random.nextInt(6)));
            String address = "重庆市" + DISTRICTS[d] + STREETS[d] + (1 + random.nextInt(200)) + "号" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(6));
            String residence = i % 3 == 2 ? "重庆市渝北区龙溪街道金山路" + (1 + random.nextInt(90)) + "号" : address;
            Flags flags = new Flags(i % 5 != 4, stage == Stage.GRADUATE, stage != Stage.SENIOR,
                    (stage == Stage.PARENT || stage == Stage.NEAR_RETIREMENT) && i % 3 != 2,
                    i % 2 == 1 || stage == Stage.NEAR_RETIREMENT, i % 7 == 3, i % 5 == 2, i % 3 == 0,
                    married && i % 6 == 1, stage == Stage.PARENT && female);
            residents.add(new Resident(i, stage, person, d, address, residence, String.format("%s%06d", REGIONS[d], 300000 + i),
                    spouse, child, deceased, flags));
        }
        return new SyntheticResidents(residents);
    }

    /** A person with a valid ID number no one else of the sandbox has; the sequence's parity carries the gender. */
    private static Person person(Random random, Set<String> used, String region, String surname, boolean female, LocalDate born) {
        String name = surname + GIVEN[random.nextInt(GIVEN.length)] + (random.nextInt(3) == 0 ? "" : GIVEN[random.nextInt(GIVEN.length)]);
        for (int sequence = 100 + random.nextInt(400) * 2 + (female ? 0 : 1); ; sequence = (sequence + 2) % 1000) {
            String first17 = region + born.toString().replace("-", "") + String.format("%03d", sequence);
            String id = first17 + CitizenIdNumber.checkCharacter(first17);
            if (used.add(id)) {
                return new Person(id, name, female ? "女" : "男", "汉族", born);
            }
        }
    }

    public List<Resident> all() {
        return residents;
    }
}
