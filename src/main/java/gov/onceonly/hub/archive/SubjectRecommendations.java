package gov.onceonly.hub.archive;

import gov.onceonly.hub.recommendation.Recommendation;

import java.time.LocalDate;
import java.util.List;

/** The bundles a subject is likely to need next (智能推荐), best first, each with its reason and facts, as of a day. */
public record SubjectRecommendations(String subject, String subjectType, LocalDate asOf,
                                     List<Recommendation> recommendations) {
}
