package gov.onceonly.hub.recommendation;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A bundle the subject is likely to need next: its score (higher first), the reason in words and the facts behind it
 * (which rule, which earlier application and when, which life stage).
 */
public record Recommendation(String bundle, String name, String stage, int score, String reason, List<Fact> facts) {

    /** One fact a recommendation rests on, e.g. {@code completed = newborn}, {@code yearsSince = 6}. */
    @Schema(name = "RecommendationFact")
    public record Fact(String name, String value) {
    }
}
