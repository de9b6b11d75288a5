package gov.onceonly.hub.recommendation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks the bundles a subject is likely to need next, from their archive (what they applied for, when, how far it
 * went), the rules of {@code recommendations/} and the life stage of each bundle. Pure: the same history, day and
 * rules give the same list.
 *
 * <p>A bundle is eligible only if it is for the subject's applicant type, not open for them now, not once-in-a-life
 * and already completed, and, for one the rules say only a rule can show (school enrolment), if a rule holds. A rule
 * holds when its earlier bundle was completed within its window of years and its bundle was not completed since.
 * The stage adds to the score: the stage after the latest completed application's most, the same stage less, the
 * one after that least. Nothing is recommended after a final bundle (deregistration).
 */
public final class RecommendationRanking {

    static final int NEXT_STAGE = 30;
    static final int SAME_STAGE = 20;
    static final int STAGE_AFTER_NEXT = 10;

    private RecommendationRanking() {
    }

    public static List<Recommendation> rank(RecommendationRules rules, Collection<BundleFacts> catalogue,
                                            List<LifeEvent> history, LocalDate today, int limit) {
        List<LifeEvent> completed = history.stream().filter(LifeEvent::completed)
                .sorted(Comparator.comparing(LifeEvent::on)).toList();
        if (completed.stream().anyMatch(e -> rules.finalBundles().contains(e.bundle()))) {
            return List.of();
        }
        Map<String, BundleFacts> bundles = catalogue.stream().filter(b -> rules.applicantType().equals(b.type()))
                .collect(Collectors.toMap(BundleFacts::id, b -> b, (a, b) -> a, java.util.LinkedHashMap::new));
        Set<String> open = history.stream().filter(e -> e.state() == LifeEvent.State.OPEN).map(LifeEvent::bundle)
                .collect(Collectors.toSet());
        Set<String> done = completed.stream().map(LifeEvent::bundle).collect(Collectors.toSet());
        Map<String, Recommendation> byRule = byRules(rules, bundles, completed, today);
        Optional<LifeEvent> latest = completed.isEmpty() ? Optional.empty() : Optional.of(completed.get(completed.size() - 1));

        List<Recommendation> ranked = new ArrayList<>();
        for (BundleFacts bundle : bundles.values()) {
            if (open.contains(bundle.id()) || (rules.onceInALife().contains(bundle.id()) && done.contains(bundle.id()))) {
                continue;
            }
            Recommendation rule = byRule.get(bundle.id());
            Optional<Recommendation> stage = done.contains(bundle.id()) || rules.onlyByRule().contains(bundle.id())
                    ? Optional.empty() : byStage(rules, bundles, bundle, latest);
            if (rule != null) {
                int bonus = stage.map(Recommendation::score).orElse(0);
                ranked.add(new Recommendation(bundle.id(), bundle.name(), bundle.stage(), rule.score() + bonus,
                        rule.reason(), rule.facts()));
            } else {
                stage.ifPresent(ranked::add);
            }
        }
        ranked.sort(Comparator.comparingInt(Recommendation::score).reversed()
                .thenComparingInt(r -> stageIndex(rules, r.stage()))
                .thenComparing(Recommendation::bundle));
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    /** The best rule that holds for each bundle it recommends. */
    private static Map<String, Recommendation> byRules(RecommendationRules rules, Map<String, BundleFacts> bundles,
                                                       List<LifeEvent> completed, LocalDate today) {
        Map<String, Recommendation> best = new HashMap<>();
        for (RecommendationRules.Rule rule : rules.rules()) {
            BundleFacts target = bundles.get(rule.recommend());
            Optional<LifeEvent> after = completed.stream().filter(e -> e.bundle().equals(rule.after()))
                    .reduce((first, second) -> second);
            if (target == null || after.isEmpty()) {
                continue;
            }
            LocalDate on = after.get().on();
            int years = on.isAfter(today) ? 0 : Period.between(on, today).getYears();
            boolean inWindow = (rule.minYears() == null || years >= rule.minYears())
                    && (rule.maxYears() == null || years <= rule.maxYears());
            boolean doneSince = completed.stream().anyMatch(e -> e.bundle().equals(rule.recommend()) && !e.on().isBefore(on));
            if (!inWindow || doneSince) {
                continue;
            }
            String afterName = Optional.ofNullable(bundles.get(rule.after())).map(BundleFacts::name).orElse(rule.after());
            String reason = rule.reason().replace("{after}", afterName).replace("{date}", on.toString())
                    .replace("{years}", Integer.toString(years));
            List<Recommendation.Fact> facts = List.of(new Recommendation.Fact("rule", rule.id()),
                    new Recommendation.Fact("completed", rule.after()), new Recommendation.Fact("completedOn", on.toString()),
                    new Recommendation.Fact("yearsSince", Integer.toString(years)),
                    new Recommendation.Fact("window", window(rule)));
            Recommendation candidate = new Recommendation(target.id(), target.name(), target.stage(), rule.score(), reason, facts);
            best.merge(target.id(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
        }
        return best;
    }

    /** The stage's part: how close the bundle's stage is to that of the latest completed application. */
    private static Optional<Recommendation> byStage(RecommendationRules rules, Map<String, BundleFacts> bundles,
                                                    BundleFacts bundle, Optional<LifeEvent> latest) {
        int index = stageIndex(rules, bundle.stage());
        if (index == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        if (latest.isEmpty()) {
            return index == 0 ? Optional.of(new Recommendation(bundle.id(), bundle.name(), bundle.stage(), NEXT_STAGE,
                    bundle.stage() + " is the first life stage, and nothing is in the archive yet",
                    List.of(new Recommendation.Fact("stage", bundle.stage())))) : Optional.empty();
        }
        BundleFacts last = bundles.get(latest.get().bundle());
        String lastStage = last == null ? null : last.stage();
        int gap = index - stageIndex(rules, lastStage);
        int score = switch (gap) {
            case 0 -> SAME_STAGE;
            case 1 -> NEXT_STAGE;
            case 2 -> STAGE_AFTER_NEXT;
            default -> 0;
        };
        if (score == 0 || lastStage == null) {
            return Optional.empty();
        }
        String relation = gap == 0 ? "the same life stage as" : "the life stage that follows";
        String reason = bundle.stage() + " is " + relation + " " + lastStage + ", the stage of " + last.name()
                + " completed on " + latest.get().on();
        return Optional.of(new Recommendation(bundle.id(), bundle.name(), bundle.stage(), score, reason, List.of(
                new Recommendation.Fact("stage", bundle.stage()), new Recommendation.Fact("latestStage", lastStage),
                new Recommendation.Fact("completed", last.id()),
                new Recommendation.Fact("completedOn", latest.get().on().toString()))));
    }

    private static int stageIndex(RecommendationRules rules, String stage) {
        int index = stage == null ? -1 : rules.stages().indexOf(stage);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String window(RecommendationRules.Rule rule) {
        return (rule.minYears() == null ? "0" : rule.minYears()) + "-"
                + (rule.maxYears() == null ? "any" : rule.maxYears()) + " years";
    }
}
