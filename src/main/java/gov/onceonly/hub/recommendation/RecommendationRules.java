package gov.onceonly.hub.recommendation;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One file of {@code recommendations/}: the rules for one applicant type (person or enterprise).
 *
 * @param applicantType {@code personal} or {@code enterprise}, as a bundle's {@code type}
 * @param stages        the catalogue's stages in the order a life (or an enterprise) goes through them
 * @param onceInALife   bundles never recommended again once completed for the subject (a start-up, a retirement)
 * @param onlyByRule    bundles whose eligibility only a rule's facts can show (school enrolment needs a child of
 *                      that age): never recommended by stage alone
 * @param finalBundles  bundles after which nothing is recommended (the enterprise is deregistered)
 * @param rules         what an earlier bundle makes likely next
 */
public record RecommendationRules(String applicantType, List<String> stages, List<String> onceInALife,
                                  List<String> onlyByRule, @JsonProperty("final") List<String> finalBundles,
                                  List<Rule> rules) {

    public RecommendationRules {
        stages = stages == null ? List.of() : List.copyOf(stages);
        onceInALife = onceInALife == null ? List.of() : List.copyOf(onceInALife);
        onlyByRule = onlyByRule == null ? List.of() : List.copyOf(onlyByRule);
        finalBundles = finalBundles == null ? List.of() : List.copyOf(finalBundles);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * After {@code after} was completed, {@code recommend} is likely, {@code minYears} to {@code maxYears} (whole
     * years, inclusive) later; outside that window the rule does not hold, and neither does it once {@code recommend}
     * was completed since. {@code reason} is said to the subject, with {@code {after}}, {@code {date}} and
     * {@code {years}} filled in.
     */
    public record Rule(String id, String after, String recommend, int score, Integer minYears, Integer maxYears,
                       String reason) {
    }
}
