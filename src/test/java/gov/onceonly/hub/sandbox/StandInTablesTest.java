package gov.onceonly.hub.sandbox;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandInTablesTest {

    @Test
    void namesAreSnakeCaseAsTheScaffoldWritesThem() {
        // the same examples as NewCommandTest: the scaffold's queries name what is made here
        assertThat(StandInTables.snake("idNumber")).isEqualTo("id_number");
        assertThat(StandInTables.snake("service-record")).isEqualTo("service_record");
        assertThat(StandInTables.snake("householdIncomePerCapita")).isEqualTo("household_income_per_capita");
        assertThat(StandInTables.snake("HTTPStatus")).isEqualTo("http_status");
        assertThat(StandInTables.database("veteran-archive")).isEqualTo("standin_veteran_archive");
    }

    @Test
    void aDatasetsTableHasTheKeyColumnAndOneColumnPerFieldOfAnyRecord() {
        Map<String, Map<String, Object>> records = new LinkedHashMap<>();
        records.put("500103199001010000", record("placementType", "自主就业", "serviceYears", 12));
        records.put("500103199001010001", record("idNumber", "ignored", "pension", 1850.5, "disabled", true));
        StandInTables.Table table = StandInTables.table("service-record", "idNumber", records);

        assertThat(table.name()).isEqualTo("service_record");
        assertThat(table.keyColumn()).isEqualTo("id_number");
        assertThat(table.columns()).containsExactly("placement_type", "service_years", "pension", "disabled");
        assertThat(table.create()).isEqualTo("create table service_record (id_number text primary key, placement_type "
                + "text, service_years bigint, pension numeric, disabled boolean)");
        assertThat(table.insert()).isEqualTo("insert into service_record (id_number, placement_type, service_years, "
                + "pension, disabled) values (?, ?, ?, ?, ?)");
        assertThat(table.values("500103199001010001", records.get("500103199001010001")))
                .containsExactly("500103199001010001", null, null, 1850.5, true);
    }

    @Test
    void aNameThatIsNoPlainSqlNameIsRefused() {
        assertThatThrownBy(() -> StandInTables.table("service record", "idNumber", Map.of()))
                .hasMessageContaining("service record");
        assertThatThrownBy(() -> StandInTables.table("d", "idNumber", Map.of("k", record("a;drop", "x"))))
                .hasMessageContaining("a;drop");
    }

    private static Map<String, Object> record(Object... pairs) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int k = 0; k < pairs.length; k += 2) {
            record.put((String) pairs[k], pairs[k + 1]);
        }
        return record;
    }
}
