package gov.onceonly.hub.supervision;

import java.time.Instant;
import java.util.Map;

/**
 * The ratings side of a department's figures (好差评 and the 整改 of bad ratings), which the ratings feature keeps
 * ({@code rating/RatingFigures}); an interface here so that supervision does not depend on ratings.
 */
public interface SatisfactionFigures {

    /** A department's ratings in a period: the satisfaction rate (0..1), and its bad-rating cases open and late. */
    record Satisfaction(Double satisfaction, Long badRatingCasesOpen, Long badRatingCasesLate) {
    }

    /** Per department, those with ratings in [from, to). */
    Map<String, Satisfaction> perDepartment(Instant from, Instant to);
}
