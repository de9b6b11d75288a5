package gov.onceonly.hub.connector;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetValuesTest {

    private static final int DEFAULT_LIMIT = DatasetValues.DEFAULT_MAX_FIELD_CHARS;

    private static final DatasetDefinition PERSON = new DatasetDefinition("person", SubjectKeyKind.ID_NUMBER,
            "/people/{key}", null, null, null, new LinkedHashMap<>(Map.of("name", "string", "birthWeightGrams", "integer")));

    @Test
    void onlyDeclaredFieldsAreKeptByNormalName() {
        assertThat(DatasetValues.declaredOnly(PERSON, Map.of("NAME", "张三", "birth_weight_grams", 3300, "secret", "x"), DEFAULT_LIMIT))
                .containsOnly(Map.entry("name", "张三"), Map.entry("birthWeightGrams", 3300));
    }

    @Test
    void anAnswerThatBreaksItsDeclarationIsRefusedNamingTheFieldNotTheValue() {
        assertThatThrownBy(() -> DatasetValues.declaredOnly(PERSON, Map.of("name", Map.of("first", "SECRET-VALUE")), DEFAULT_LIMIT))
                .isInstanceOf(DatasetValues.UndeclaredShapeException.class)
                .hasMessage("field 'name' is not a plain value");
        assertThatThrownBy(() -> DatasetValues.declaredOnly(PERSON, Map.of("name", java.util.List.of("a", "b")), DEFAULT_LIMIT))
                .hasMessage("field 'name' is not a plain value");
        assertThatThrownBy(() -> DatasetValues.declaredOnly(PERSON, Map.of("name", "x".repeat(101)), 100))
                .hasMessage("field 'name' is longer than 100 characters");
        assertThat(DatasetValues.declaredOnly(PERSON, Map.of("name", "x".repeat(100), "extra", Map.of("a", 1)), 100))
                .as("an undeclared field is dropped, whatever its shape").containsOnlyKeys("name");
    }

    @Test
    void aNulCharacterWhichPostgresqlCannotStoreIsDropped() {
        assertThat(DatasetValues.declaredOnly(PERSON, Map.of("name", "张\u0000三\u0000\u0000"), DEFAULT_LIMIT))
                .containsOnly(Map.entry("name", "张三"));
    }
}
