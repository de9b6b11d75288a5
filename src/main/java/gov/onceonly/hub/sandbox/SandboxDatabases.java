package gov.onceonly.hub.sandbox;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The simulated departments' databases, created beside the hub's own on the same PostgreSQL server:
 * {@code dept_hospital} (birth records of 市卫生健康委, a JDBC source) and {@code dept_exchange}
 * (the household exchange table of 市公安局, a JDBC target). Creation and seeding are idempotent.
 */
public final class SandboxDatabases {

    private final String serverUrl;
    private final String user;
    private final String password;

    public SandboxDatabases(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    /** {@code jdbc:postgresql://host:port/db?x} becomes {@code jdbc:postgresql://host:port}. */
    public static String serverOf(String jdbcUrl) {
        int hosts = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', hosts);
        return slash < 0 ? jdbcUrl : jdbcUrl.substring(0, slash);
    }

    public String serverUrl() {
        return serverUrl;
    }

    public void prepare(Connection hubConnection, SyntheticPeople people) throws SQLException {
        for (String database : List.of("dept_hospital", "dept_exchange")) {
            try (PreparedStatement exists = hubConnection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                if (!exists.executeQuery().next()) {
                    try (Statement create = hubConnection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        }
        try (Connection hospital = connect("dept_hospital")) {
            seedHospital(hospital, people);
        }
        try (Connection exchange = connect("dept_exchange"); Statement ddl = exchange.createStatement()) {
            ddl.execute("""
                    create table if not exists household_exchange (
                        idempotency_key text primary key,
                        application_id  text not null,
                        item_id         text not null,
                        record          text not null,
                        received_at     timestamp not null,
                        duplicate_count integer not null default 0)""");
        }
    }

    /** The birth_record table of a hospital database; also used by tests to seed a MariaDB copy. */
    public static final String BIRTH_RECORD_DDL = """
            create table if not exists birth_record (
                medical_certificate_no varchar(20) primary key,
                mother_id_number       varchar(18) not null,
                mother_name            varchar(40) not null,
                father_name            varchar(40),
                father_id_number       varchar(18),
                baby_gender            varchar(4)  not null,
                birth_time             timestamp   not null,
                birth_place            varchar(60) not null,
                hospital_name          varchar(60) not null,
                birth_weight_grams     integer     not null,
                birth_length_cm        decimal(4,1) not null,
                gestation_weeks        integer     not null,
                hepatitis_b_dose       timestamp,
                bcg_dose               timestamp)""";

    /** Seeds the birth records that are not there yet; plain SQL, so it runs on MariaDB as well as PostgreSQL. */
    public static void seedHospital(Connection hospital, SyntheticPeople people) throws SQLException {
        Set<String> present = new HashSet<>();
        try (Statement ddl = hospital.createStatement()) {
            ddl.execute(BIRTH_RECORD_DDL);
            try (ResultSet rs = ddl.executeQuery("select medical_certificate_no from birth_record")) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement insert = hospital.prepareStatement("""
                insert into birth_record (medical_certificate_no, mother_id_number, mother_name, father_name,
                    father_id_number, baby_gender, birth_time, birth_place, hospital_name, birth_weight_grams,
                    birth_length_cm, gestation_weeks, hepatitis_b_dose, bcg_dose)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (SyntheticPeople.Family f : people.families()) {
                SyntheticPeople.Birth b = f.birth();
                if (b == null || present.contains(b.medicalCertificateNo())) {
                    continue;
                }
                Object[] values = {b.medicalCertificateNo(), f.mother().idNumber(), f.mother().name(), f.father().name(),
                        f.father().idNumber(), b.babyGender(), Timestamp.valueOf(b.birthTime()), b.birthPlace(),
                        b.hospitalName(), b.birthWeightGrams(), new BigDecimal(String.valueOf(b.birthLengthCm())),
                        b.gestationWeeks(), Timestamp.valueOf(b.birthTime().plusHours(12)),
                        Timestamp.valueOf(b.birthTime().plusHours(20))};
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * A birth, as the hospital's system records it: a daughter of that mother born then, at 重庆市妇幼保健院, with
     * her first vaccinations; returns the medical certificate number the record carries.
     */
    public String recordBirth(String motherIdNumber, String motherName, LocalDateTime born) throws SQLException {
        String certificateNo = "B%09d".formatted(Math.floorMod((motherIdNumber + born).hashCode(), 1_000_000_000));
        try (Connection hospital = connect("dept_hospital"); PreparedStatement insert = hospital.prepareStatement("""
                insert into birth_record (medical_certificate_no, mother_id_number, mother_name, baby_gender, birth_time,
                    birth_place, hospital_name, birth_weight_grams, birth_length_cm, gestation_weeks, hepatitis_b_dose, bcg_dose)
                values (?, ?, ?, '女', ?, '重庆市渝中区', '重庆市妇幼保健院', 3150, 50.0, 39, ?, ?)""")) {
            insert.setString(1, certificateNo);
            insert.setString(2, motherIdNumber);
            insert.setString(3, motherName);
            insert.setTimestamp(4, Timestamp.valueOf(born));
            insert.setTimestamp(5, Timestamp.valueOf(born.plusHours(12)));
            insert.setTimestamp(6, Timestamp.valueOf(born.plusHours(20)));
            insert.executeUpdate();
        }
        return certificateNo;
    }

    /** What the household exchange table holds, for inspection. */
    public List<Map<String, Object>> householdExchange() throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = connect("dept_exchange");
             var rs = c.createStatement().executeQuery(
                     "select idempotency_key, application_id, item_id, record, duplicate_count from household_exchange")) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("idempotencyKey", rs.getString(1));
                row.put("applicationId", rs.getString(2));
                row.put("itemId", rs.getString(3));
                row.put("record", rs.getString(4));
                row.put("duplicateCount", rs.getInt(5));
                rows.add(row);
            }
        }
        return rows;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(serverUrl + "/" + database, user, password);
    }
}
