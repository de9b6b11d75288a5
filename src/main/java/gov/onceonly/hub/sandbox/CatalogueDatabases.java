package gov.onceonly.hub.sandbox;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalogue's department databases beside the hub's own: social insurance, civil affairs and real estate (JDBC
 * sources, their tables derived from the records they hold) and the tax and civil-affairs exchange tables (JDBC
 * targets). Creation and seeding are idempotent, so a restart or a second hub on the same server is harmless.
 */
final class CatalogueDatabases {

    /** A JDBC source's table: where a dataset lives and which column holds the key. */
    record Table(String dataset, String database, String table, String keyColumn) {
    }

    static final List<Table> SOURCES = List.of(
            new Table("rlsb-social-insurance/insured-person", "dept_social_insurance", "insured_person", "id_number"),
            new Table("rlsb-social-insurance/employment", "dept_social_insurance", "employment_record", "id_number"),
            new Table("rlsb-social-insurance/employer", "dept_social_insurance", "employer", "credit_code"),
            new Table("mz-civil-affairs/assistance", "dept_civil_affairs", "assistance_recipient", "id_number"),
            new Table("mz-civil-affairs/death", "dept_civil_affairs", "death_registration", "declarant_id_number"),
            new Table("mz-civil-affairs/elderly", "dept_civil_affairs", "elderly_person", "id_number"),
            new Table("mz-civil-affairs/adoption", "dept_civil_affairs", "adoption_case", "id_number"),
            new Table("ghzy-real-estate/property", "dept_real_estate", "property_right", "id_number"),
            new Table("ghzy-real-estate/enterprise-property", "dept_real_estate", "enterprise_property", "credit_code"),
            // the catalogue's mothers join the newborn families in the hospital's existing birth_record table
            new Table("weijian-birth-records/birth", "dept_hospital", "birth_record", "mother_id_number"));

    /** Each JDBC target connector and its exchange table (前置库). */
    static final Map<String, String> EXCHANGES = Map.of(
            "gongan-household-exchange", "dept_exchange.household_exchange",
            "swj-tax-exchange", "dept_tax.tax_exchange",
            "mz-exchange", "dept_civil_affairs.civil_affairs_exchange");

    /** The shape of every exchange table, as household_exchange: keyed by the idempotency key, counting repeats. */
    static final String EXCHANGE_DDL = """
            create table if not exists %s (
                idempotency_key text primary key,
                application_id  text not null,
                item_id         text not null,
                record          text not null,
                received_at     timestamp not null,
                duplicate_count integer not null default 0)""";

    private final String serverUrl;
    private final String user;
    private final String password;

    CatalogueDatabases(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    void prepare(Connection hubConnection, SandboxRecords records) throws SQLException {
        for (String database : List.of("dept_social_insurance", "dept_civil_affairs", "dept_real_estate", "dept_tax")) {
            createIfMissing(hubConnection, database);
        }
        for (Table table : SOURCES) {
            try (Connection c = connect(table.database())) {
                seed(c, table, records.all(table.dataset()));
            }
        }
        for (String exchange : List.of("dept_tax.tax_exchange", "dept_civil_affairs.civil_affairs_exchange")) {
            try (Connection c = connect(exchange.substring(0, exchange.indexOf('.'))); Statement ddl = c.createStatement()) {
                ddl.execute(EXCHANGE_DDL.formatted(exchange.substring(exchange.indexOf('.') + 1)));
            }
        }
    }

    /** Creates the table from the records' fields (camelCase becomes snake_case) and inserts what is not there. */
    private static void seed(Connection c, Table table, Map<String, Map<String, Object>> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        List<String> fields = new ArrayList<>(records.values().iterator().next().keySet());
        String columns = fields.stream().map(f -> column(f) + " " + sqlType(f, records)).collect(Collectors.joining(", "));
        try (Statement ddl = c.createStatement()) {
            ddl.execute("create table if not exists " + table.table() + " (" + table.keyColumn()
                    + " varchar(18) primary key, " + columns + ")");
        }
        String insert = "insert into " + table.table() + " (" + table.keyColumn() + ", "
                + fields.stream().map(CatalogueDatabases::column).collect(Collectors.joining(", ")) + ") values (?"
                + ", ?".repeat(fields.size()) + ") on conflict do nothing";
        try (PreparedStatement statement = c.prepareStatement(insert)) {
            for (Map.Entry<String, Map<String, Object>> record : records.entrySet()) {
                statement.setObject(1, record.getKey());
                for (int k = 0; k < fields.size(); k++) {
                    statement.setObject(k + 2, record.getValue().get(fields.get(k)));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void createIfMissing(Connection hub, String database) throws SQLException {
        try (PreparedStatement exists = hub.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (Statement create = hub.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        }
    }

    private static String sqlType(String field, Map<String, Map<String, Object>> records) {
        Object sample = records.values().stream().map(r -> r.get(field)).filter(v -> v != null).findFirst().orElse("");
        if (sample instanceof Integer) return "integer";
        if (sample instanceof Double || sample instanceof BigDecimal) return "numeric(14,2)";
        if (sample instanceof LocalDate) return "date";
        if (sample instanceof LocalDateTime) return "timestamp";
        return "varchar(200)";
    }

    static String column(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2").toLowerCase();
    }

    /** The record an exchange table received under an idempotency key, as the department would read it. */
    Optional<String> exchanged(String target, String idempotencyKey) throws SQLException {
        return column(target, idempotencyKey, "record").map(String::valueOf);
    }

    /**
     * The records the exchange tables received at or after {@code since}, oldest first, as their departments read
     * them: target connector, idempotency key, record, time of receipt.
     */
    List<ApprovalInbox.Received> exchangedSince(java.time.Instant since) throws SQLException {
        List<ApprovalInbox.Received> received = new java.util.ArrayList<>();
        for (Map.Entry<String, String> exchange : EXCHANGES.entrySet()) {
            String table = exchange.getValue();
            try (Connection c = connect(table.substring(0, table.indexOf('.')));
                 PreparedStatement query = c.prepareStatement("select idempotency_key, record, received_at from "
                         + table.substring(table.indexOf('.') + 1) + " where received_at >= ? order by received_at")) {
                query.setTimestamp(1, java.sql.Timestamp.from(since));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        received.add(new ApprovalInbox.Received(exchange.getKey(), rs.getString(1), rs.getString(2),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
            }
        }
        received.sort(java.util.Comparator.comparing(ApprovalInbox.Received::receivedAt));
        return received;
    }

    /** When the exchange table received the record of an idempotency key. */
    Optional<java.time.Instant> receivedAt(String target, String idempotencyKey) throws SQLException {
        return column(target, idempotencyKey, "received_at").map(at -> ((java.sql.Timestamp) at).toInstant());
    }

    private Optional<Object> column(String target, String idempotencyKey, String column) throws SQLException {
        String table = EXCHANGES.get(target);
        try (Connection c = connect(table.substring(0, table.indexOf('.')));
             PreparedStatement query = c.prepareStatement("select " + column + " from "
                     + table.substring(table.indexOf('.') + 1) + " where idempotency_key = ?")) {
            query.setString(1, idempotencyKey);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1)) : Optional.empty();
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(serverUrl + "/" + database, user, password);
    }
}
