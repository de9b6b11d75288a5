package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.sandbox.SyntheticPeople.Person;
import gov.onceonly.hub.sandbox.SyntheticResidents.Resident;

import java.time.LocalDate;

import static gov.onceonly.hub.sandbox.ResidentRecords.map;

/** The e-certificate library's certificates of one resident (电子证照库), each with its own identifier. */
final class ResidentCertificates {

    private static final String[] UNIVERSITIES = {"重庆大学", "西南大学", "重庆医科大学", "重庆邮电大学", "西南政法大学", "重庆交通大学"};
    private static final String[] MAJORS = {"计算机科学与技术", "土木工程", "临床医学", "通信工程", "法学", "交通运输"};

    private ResidentCertificates() {
    }

    static String university(int i) {
        return UNIVERSITIES[i % UNIVERSITIES.length];
    }

    static String major(int i) {
        return MAJORS[i % MAJORS.length];
    }

    static void add(Resident r, SandboxRecords records, Person spouse) {
        String id = r.person().idNumber();
        int i = r.index();
        records.put("dsj-e-certificates/id-card", id, map("certificateId", certificateId("SFZ", i), "holderName", r.person().name(),
                "validUntil", LocalDate.of(2030 + i % 15, r.person().birthDate().getMonthValue(), r.person().birthDate().getDayOfMonth()),
                "issuer", "重庆市公安局" + r.districtName() + "分局"));
        records.put("dsj-e-certificates/household-register", id, map("certificateId", certificateId("HKB", i),
                "householdNumber", r.householdNumber(), "address", r.householdAddress(),
                "relationToHead", spouse != null && r.female() ? "妻" : "户主"));
        records.put("dsj-e-certificates/social-security-card", id, map("certificateId", certificateId("SBK", i),
                "cardNumber", String.format("CQ%07d", 3500000 + i), "bank", ResidentRecords.BANKS[i % ResidentRecords.BANKS.length],
                "bankAccount", String.format("62155931%011d", 20000000L + 53L * i)));
        if (spouse != null) {
            LocalDate married = r.person().birthDate().plusYears(26);
            records.put("dsj-e-certificates/marriage-certificate", id, map("certificateId", certificateId("JHZ", i),
                    "certificateNo", String.format("J%s-%d-%06d", r.householdNumber().substring(0, 6), married.getYear(), 1000 + i),
                    "registeredOn", married, "spouseName", spouse.name(), "spouseIdNumber", spouse.idNumber(),
                    "registrationAuthority", "重庆市" + r.districtName() + "民政局"));
        }
        if (r.child() != null) {
            records.put("dsj-e-certificates/birth-certificate", id, map("certificateId", certificateId("CSZ", i),
                    "certificateNo", String.format("P%09d", 500100000 + i), "childName", r.child().name(),
                    "birthDate", r.child().birthDate(), "birthPlace", "重庆市" + r.districtName()));
        }
        if (r.flags().ownsHome()) {
            records.put("dsj-e-certificates/real-estate-certificate", id, map("certificateId", certificateId("BDC", i),
                    "certificateNo", String.format("渝（%d）%s不动产权第%07d号", 2012 + i % 12, r.districtName(), 1200 + i),
                    "propertyAddress", r.residenceAddress(), "buildingArea", 68.5 + i % 60, "usage", "住宅",
                    "registeredOn", LocalDate.of(2012 + i % 12, 1 + i % 12, 10)));
        }
        if (r.flags().degree()) {
            records.put("dsj-e-certificates/degree-certificate", id, map("certificateId", certificateId("XL", i),
                    "certificateNo", String.format("1063%d%09d", r.flags().graduate() ? 2026 : 2010, 100000 + i),
                    "university", university(i), "major", major(i), "educationLevel", i % 3 == 0 ? "硕士研究生" : "本科",
                    "graduatedOn", r.flags().graduate() ? LocalDate.of(2026, 6, 30) : r.person().birthDate().plusYears(22).withMonth(7).withDayOfMonth(1)));
        }
        if (r.flags().title()) {
            records.put("dsj-e-certificates/professional-title-certificate", id, map("certificateId", certificateId("ZC", i),
                    "title", i % 2 == 0 ? "高级工程师" : "工程师", "level", i % 2 == 0 ? "副高级" : "中级",
                    "issuedOn", LocalDate.of(2018 + i % 7, 12, 20)));
        }
        if (r.flags().vehicle()) {
            records.put("dsj-e-certificates/vehicle-licence", id, map("certificateId", certificateId("XSZ", i),
                    "plateNumber", String.format("渝%s%05d", "ABCDFG".charAt(i % 6), 10000 + 37 * i), "vehicleType", "小型普通客车",
                    "vin", String.format("LSVAM4187%s%07d", "ABCDEFGHJK".charAt(i % 10), 2000000 + i),
                    "registeredOn", LocalDate.of(2020 + i % 5, 1 + i % 12, 15), "inspectionValidUntil", LocalDate.of(2027, 1 + i % 12, 1).plusMonths(1).minusDays(1)));
        }
        if (r.flags().disabled()) {
            records.put("dsj-e-certificates/disability-certificate", id, map("certificateId", certificateId("CJR", i),
                    "certificateNo", id + "42", "category", "肢体残疾", "grade", "二级", "issuedOn", LocalDate.of(2019, 5, 10 + i % 18)));
        }
        if (r.flags().veteran()) {
            records.put("dsj-e-certificates/veteran-certificate", id, map("certificateId", certificateId("YDZ", i),
                    "certificateNo", String.format("50%010d", 7000000L + i), "enlistedOn", LocalDate.of(2021, 9, 1),
                    "dischargedOn", LocalDate.of(2026, 9, 1 + i % 20), "dischargeType", "自主就业"));
        }
    }

    /** An e-certificate identifier: the issuing area, the kind of certificate and a serial number. */
    static String certificateId(String kind, int serial) {
        return String.format("500000-%s-%08d", kind, 1000 + serial);
    }
}
