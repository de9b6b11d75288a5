package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.sandbox.SyntheticPeople.Person;
import gov.onceonly.hub.sandbox.SyntheticResidents.Resident;
import gov.onceonly.hub.sandbox.SyntheticResidents.Stage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The departments' records of one resident: the population registry, social and medical insurance, the housing fund,
 * income tax, real estate, civil affairs, education and the hospital. Certificates are in {@link ResidentCertificates}.
 */
final class ResidentRecords {

    static final String[] EMPLOYERS = {"重庆长安汽车股份有限公司", "重庆市轨道交通（集团）有限公司", "重庆银行股份有限公司",
            "重庆京东方光电科技有限公司", "重庆市第一人民医院", "重庆小康工业集团股份有限公司"};
    static final String[] BANKS = {"中国工商银行重庆市分行", "中国建设银行重庆市分行", "重庆农村商业银行", "重庆银行"};

    private ResidentRecords() {
    }

    static void add(Resident r, SandboxRecords records) {
        String id = r.person().idNumber();
        int i = r.index();
        boolean widowed = r.spouse() != null && r.spouse().equals(r.deceased());
        Person spouse = widowed ? null : r.spouse();
        records.put("gongan-population/person", id, map("idNumber", id, "name", r.person().name(), "gender", r.person().gender(),
                "ethnicity", r.person().ethnicity(), "birthDate", r.person().birthDate().toString(),
                "householdAddress", r.householdAddress(), "householdNumber", r.householdNumber(),
                "householdHead", spouse != null && r.female() ? spouse.name() : r.person().name(),
                "policeStation", r.policeStation(), "maritalStatus", widowed ? "丧偶" : spouse != null ? "已婚" : "未婚",
                "spouseName", spouse == null ? null : spouse.name(), "spouseIdNumber", spouse == null ? null : spouse.idNumber(),
                "nativePlace", "重庆" + r.districtName(), "residenceAddress", r.residenceAddress(),
                "householdType", r.stage() == Stage.GRADUATE ? "集体户" : "家庭户"));
        // The spouse and the deceased are on the population register too: a bundle may look them up by their own key.
        for (Person relative : java.util.Arrays.asList(spouse, r.deceased())) {
            if (relative != null && records.find("gongan-population/person", relative.idNumber()).isEmpty()) {
                records.put("gongan-population/person", relative.idNumber(), map("idNumber", relative.idNumber(),
                        "name", relative.name(), "gender", relative.gender(), "ethnicity", relative.ethnicity(),
                        "birthDate", relative.birthDate().toString(), "householdAddress", r.householdAddress(),
                        "householdNumber", r.householdNumber(), "householdHead", r.person().name(),
                        "policeStation", r.policeStation(), "maritalStatus", "已婚",
                        "spouseName", relative == spouse ? r.person().name() : null,
                        "spouseIdNumber", relative == spouse ? r.person().idNumber() : null,
                        "nativePlace", "重庆" + r.districtName(), "residenceAddress", r.residenceAddress(),
                        "householdType", "家庭户"));
            }
        }
        String employer = EMPLOYERS[i % EMPLOYERS.length];
        boolean retired = r.stage() == Stage.SENIOR;
        int months = Math.max(12, (2026 - r.person().birthDate().getYear() - 22) * 12 - i % 30);
        records.put("rlsb-social-insurance/insured-person", id, map("socialSecurityNo", String.format("50%010d", 8800000L + i),
                "insuredCategory", i % 9 == 4 ? "灵活就业人员" : "企业职工", "insuredStatus", retired ? "退休" : "正常参保",
                "pensionInsuredSince", LocalDate.of(Math.max(1993, r.person().birthDate().getYear() + 22), 7, 1),
                "contributionMonths", months, "personalAccountBalance", 600.0 * months + i, "employer", employer));
        records.put("rlsb-social-insurance/employment", id, map("employmentStatus", retired ? "退休" : i % 9 == 4 ? "灵活就业" : "就业",
                "employmentCertificateNo", String.format("5001%010d", 2200000L + i),
                "registeredOn", LocalDate.of(2019 + i % 6, 1 + i % 12, 1 + i % 28), "lastEmployer", employer));
        records.put("ybj-insured-persons/insured", id, map("insuredId", String.format("CQ%010d", 5000000L + i),
                "insuranceType", "职工基本医疗保险", "insuredStatus", retired ? "退休参保" : "正常参保",
                "insuredArea", "重庆市" + r.districtName(), "employer", employer));
        records.put("gjj-housing-fund/account", id, map("fundAccountNo", String.format("5000%012d", 60000000L + i),
                "accountStatus", retired ? "封存" : "正常", "balance", 18000.0 + 731 * i, "monthlyDeposit", 800 + 20 * (i % 40),
                "depositUnit", employer, "loanContractNo", r.flags().ownsHome() ? String.format("GJJ-DK-%08d", 20190000 + i) : null,
                "repaymentAccount", r.flags().ownsHome() ? String.format("62220238%011d", 10000000L + 37L * i) : null,
                "repaymentBank", r.flags().ownsHome() ? BANKS[i % BANKS.length] : null,
                "outstandingLoan", r.flags().ownsHome() ? 420000.0 - 1500 * i : null));
        if (!retired) {
            records.put("swj-taxpayers/individual-income", id, map("taxYear", 2025, "withholdingAgent", employer,
                    "annualIncome", 96000 + 1800 * (i % 50), "taxPaid", 2480 + 90 * (i % 50)));
        }
        if (r.flags().ownsHome()) {
            records.put("ghzy-real-estate/property", id, map("unitNo", String.format("%s001002GB%05dF%08d", r.householdNumber().substring(0, 6), 100 + i, 10010000 + i),
                    "propertyAddress", r.residenceAddress(), "buildingArea", 68.5 + i % 60, "usage", "住宅",
                    "ownership", spouse != null ? "共同共有" : "单独所有", "mortgageStatus", "已抵押",
                    "mortgagee", BANKS[i % BANKS.length], "mortgageAmount", 35.0 + i % 50, "registeredOn", LocalDate.of(2012 + i % 12, 1 + i % 12, 10)));
            // 重庆水务集团's nightly CSV export (SandboxDrops writes it): the home's water account.
            records.put("cqsw-water-accounts/account", id, map("waterAccountNo", String.format("CQSW%09d", 310000000L + 7L * i)));
        }
        addCivilAffairs(r, records, i, id);
        addEducationAndBirth(r, records, i, id, spouse);
        ResidentCertificates.add(r, records, spouse);
    }

    private static void addCivilAffairs(Resident r, SandboxRecords records, int i, String id) {
        if (r.flags().assisted()) {
            records.put("mz-civil-affairs/assistance", id, map("assistanceType", i % 2 == 0 ? "最低生活保障" : "低收入家庭",
                    "assistanceSince", LocalDate.of(2021 + i % 4, 1 + i % 12, 1), "householdSize", 2 + i % 4,
                    "householdIncomePerCapita", 520 + 7 * i, "monthlyAllowance", 380 + 5 * (i % 20),
                    "disabilityLivingSubsidy", r.flags().disabled() ? "已享受" : "未享受", "disabilityCareSubsidy", r.flags().disabled() ? "已享受" : "未享受"));
        }
        if (r.deceased() != null) {
            LocalDate died = LocalDate.of(2026, 1 + i % 10, 1 + i % 27);
            records.put("mz-civil-affairs/death", id, map("deceasedName", r.deceased().name(), "deceasedIdNumber", r.deceased().idNumber(),
                    "deathDate", died, "deathPlace", "重庆医科大学附属第一医院", "deathCertificateNo", String.format("S500%09d", 260000 + i),
                    "cremationCertificateNo", String.format("HH%s%05d", died.getYear(), 100 + i), "funeralHome", "重庆市石桥铺殡仪馆",
                    "relationToDeceased", r.deceased().equals(r.spouse()) ? "配偶" : "子女"));
        }
        if (r.stage() == Stage.SENIOR) {
            records.put("mz-civil-affairs/elderly", id, map("abilityLevel", new String[]{"能力完好", "轻度失能", "中度失能"}[i % 3],
                    "assessedOn", LocalDate.of(2026, 1 + i % 12, 5), "livingArrangement", r.spouse() == null || r.deceased() != null ? "独居" : "与配偶同住",
                    "oldAgeAllowance", 2026 - r.person().birthDate().getYear() >= 80 ? "已享受" : "未享受"));
        }
        if (r.flags().adopting()) {
            records.put("mz-civil-affairs/adoption", id, map("childName", "福" + (i % 2 == 0 ? "欣" : "安"), "childGender", i % 2 == 0 ? "女" : "男",
                    "childBirthDate", LocalDate.of(2023, 1 + i % 12, 3), "placingParty", "重庆市儿童福利院",
                    "assessmentConclusion", "具备收养能力", "assessedOn", LocalDate.of(2026, 6, 1 + i % 28)));
        }
    }

    private static void addEducationAndBirth(Resident r, SandboxRecords records, int i, String id, Person spouse) {
        Person child = r.child();
        if (child != null) {
            records.put("gongan-population/child", id, map("childName", child.name(), "childIdNumber", child.idNumber(),
                    "childGender", child.gender(), "childBirthDate", child.birthDate().toString(), "relationToChild", r.female() ? "母亲" : "父亲"));
            if (child.birthDate().getYear() < 2018) {
                records.put("jw-student-status/pupil", id, map("studentName", child.name(), "studentIdNumber", child.idNumber(),
                        "studentNo", "G" + child.idNumber(), "school", "重庆市" + r.districtName() + "实验小学", "grade", "六年级",
                        "expectedGraduation", LocalDate.of(2027, 7, 1)));
            }
        }
        if (r.flags().graduate()) {
            records.put("jw-student-status/graduate", id, map("university", ResidentCertificates.university(i), "major", ResidentCertificates.major(i),
                    "educationLevel", i % 3 == 0 ? "硕士研究生" : "本科", "graduatedOn", LocalDate.of(2026, 6, 30),
                    "destination", i % 2 == 0 ? "签订劳动合同就业" : "自主创业"));
        }
        if (r.flags().newborn()) {
            LocalDateTime born = LocalDateTime.of(2026, 10, 1 + i % 28, i % 24, (7 * i) % 60);
            records.put("weijian-birth-records/birth", id, map("babyGender", i % 2 == 0 ? "女" : "男", "birthTime", born,
                    "birthPlace", "重庆市" + r.districtName(), "hospitalName", "重庆市妇幼保健院", "birthWeightGrams", 2900 + 13 * i,
                    "birthLengthCm", 49.5, "gestationWeeks", 38 + i % 3, "motherName", r.person().name(),
                    "fatherName", spouse == null ? null : spouse.name(), "fatherIdNumber", spouse == null ? null : spouse.idNumber(),
                    "medicalCertificateNo", String.format("R%09d", 600000000 + i), "hepatitisBDose", born.plusHours(12),
                    "bcgDose", born.plusHours(20)));
        }
    }

    /** A record as a department answers it: field names in the dataset's order, absent values as null. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            map.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return map;
    }
}
