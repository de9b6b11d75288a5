package gov.onceonly.hub.rating;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The national five levels: their names, their order and which of them is a 差评. */
class RatingLevelTest {

    @Test
    void theFiveLevelsBestFirstScoredFiveToOne() {
        assertThat(RatingLevel.labels()).containsExactly("非常满意", "满意", "基本满意", "不满意", "非常不满意");
        assertThat(Arrays.stream(RatingLevel.values()).map(RatingLevel::score)).containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void aBadRatingIsDissatisfiedOrBelow() {
        assertThat(Arrays.stream(RatingLevel.values()).filter(RatingLevel::isBad))
                .containsExactly(RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED);
    }

    @Test
    void aLevelIsKnownByItsExactName() {
        assertThat(RatingLevel.of("基本满意")).contains(RatingLevel.FAIRLY_SATISFIED);
        assertThat(RatingLevel.of("非常不满意")).contains(RatingLevel.VERY_DISSATISFIED);
        assertThat(RatingLevel.of(" 满意")).isEmpty();
        assertThat(RatingLevel.of("SATISFIED")).isEmpty();
        assertThat(RatingLevel.of(null)).isEmpty();
    }

    @Test
    void theTablesCheckTheSameNames() throws Exception {
        String migration = new String(getClass().getResourceAsStream("/db/migration/V28__ratings_and_rectification.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(migration).contains("check (level in ('" + String.join("', '", RatingLevel.labels()) + "'))");
    }
}
