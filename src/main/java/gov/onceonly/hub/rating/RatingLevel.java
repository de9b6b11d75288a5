package gov.onceonly.hub.rating;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The national five levels of 好差评, best first, as the API and the tables name them (their Chinese names); the score
 * is 5 for 非常满意 down to 1 for 非常不满意. 不满意 and 非常不满意 are a 差评, which opens a rectification case.
 */
public enum RatingLevel {
    VERY_SATISFIED("非常满意", 5),
    SATISFIED("满意", 4),
    FAIRLY_SATISFIED("基本满意", 3),
    DISSATISFIED("不满意", 2),
    VERY_DISSATISFIED("非常不满意", 1);

    private final String label;
    private final int score;

    RatingLevel(String label, int score) {
        this.label = label;
        this.score = score;
    }

    /** The level's name in the API and the tables. */
    public String label() {
        return label;
    }

    public int score() {
        return score;
    }

    /** 差评: 不满意 or below. */
    public boolean isBad() {
        return score <= DISSATISFIED.score;
    }

    /** The level of that name; empty for anything else (the caller names the field). */
    public static Optional<RatingLevel> of(String label) {
        return Arrays.stream(values()).filter(level -> level.label.equals(label)).findFirst();
    }

    /** The five names, best first, for messages and the OpenAPI document. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(RatingLevel::label).toList();
    }
}
