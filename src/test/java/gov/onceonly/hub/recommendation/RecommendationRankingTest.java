package gov.onceonly.hub.recommendation;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.connector.ConnectorCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranking over the shipped rules (recommendations/) and catalogue (mappings/). */
class RecommendationRankingTest {

    static final Path ROOT = Path.of(".");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static List<BundleFacts> bundles;
    static RecommendationCatalog rules;

    @BeforeAll
    static void load() {
        bundles = BundleFacts.of(BundleCatalog.load(ROOT, ROOT.resolve("mappings"),
                ConnectorCatalog.load(ROOT, ROOT.resolve("connectors"))).all());
        rules = RecommendationCatalog.load(ROOT, ROOT.resolve("recommendations"), bundles);
    }

    static List<Recommendation> rank(String type, LocalDate today, LifeEvent... history) {
        return RecommendationRanking.rank(rules.forType(type).orElseThrow(), bundles, List.of(history), today, 5);
    }

    static LifeEvent done(String bundle, LocalDate on) {
        return new LifeEvent(bundle, on, LifeEvent.State.COMPLETED);
    }

    @Test
    void primarySchoolComesWhenTheChildBornWithTheNewbornApplicationIsDue() {
        List<Recommendation> sixYearsOn = rank("personal", TODAY, done("newborn", TODAY.minusYears(6)));
        assertThat(sixYearsOn.get(0).bundle()).isEqualTo("primary-school-enrolment");
        assertThat(sixYearsOn.get(0).reason()).contains("新生儿出生", TODAY.minusYears(6).toString(), "6");
        assertThat(sixYearsOn.get(0).facts()).contains(new Recommendation.Fact("rule", "school-after-birth"),
                new Recommendation.Fact("completed", "newborn"), new Recommendation.Fact("yearsSince", "6"));
    }

    @Test
    void aChildNotYetOfSchoolAgeGetsNoSchoolRecommendation() {
        List<Recommendation> now = rank("personal", TODAY, done("newborn", TODAY.minusDays(3)));
        assertThat(now).extracting(Recommendation::bundle)
                .doesNotContain("primary-school-enrolment", "middle-school-enrolment", "newborn")
                .startsWith("maternity-allowance");
        assertThat(now).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }

    @Test
    void aSchoolEnrolmentDoneSinceTheBirthIsNotRecommendedAgain() {
        LocalDate born = TODAY.minusYears(6);
        assertThat(rank("personal", TODAY, done("newborn", born), done("primary-school-enrolment", TODAY.minusMonths(2))))
                .extracting(Recommendation::bundle).doesNotContain("primary-school-enrolment");
    }

    @Test
    void hiringFollowsTheStartUpAndTheStartUpIsNeverRecommendedAgain() {
        List<Recommendation> after = rank("enterprise", TODAY, done("business-startup", TODAY.minusDays(10)));
        assertThat(after.get(0).bundle()).isEqualTo("employee-hiring");
        assertThat(after.get(0).reason()).contains("企业开办");
        assertThat(after).extracting(Recommendation::bundle).doesNotContain("business-startup", "ordinary-deregistration",
                "simplified-deregistration", "deregistration-joint-licences");
        assertThat(after).extracting(Recommendation::stage).doesNotContain("企业注销阶段");
    }

    @Test
    void onlyBundlesOfTheSubjectsTypeAreRecommended() {
        List<String> personal = bundles.stream().filter(b -> b.type().equals("personal")).map(BundleFacts::id).toList();
        assertThat(rank("enterprise", TODAY, done("business-startup", TODAY.minusYears(2)), done("employee-hiring", TODAY.minusYears(1))))
                .isNotEmpty().extracting(Recommendation::bundle).doesNotContainAnyElementsOf(personal);
    }

    @Test
    void anOpenApplicationIsNotRecommendedAndNothingFollowsADeregistration() {
        assertThat(rank("enterprise", TODAY, done("business-startup", TODAY.minusDays(10)),
                new LifeEvent("employee-hiring", TODAY.minusDays(1), LifeEvent.State.OPEN)))
                .extracting(Recommendation::bundle).doesNotContain("employee-hiring");
        assertThat(rank("enterprise", TODAY, done("business-startup", TODAY.minusYears(5)),
                done("simplified-deregistration", TODAY.minusDays(1)))).isEmpty();
    }

    @Test
    void anEmptyArchiveGetsTheFirstStageAndTheSameHistoryTheSameList() {
        List<Recommendation> first = rank("personal", TODAY);
        assertThat(first).isNotEmpty().extracting(Recommendation::stage).containsOnly("就业阶段");
        assertThat(rank("personal", TODAY)).isEqualTo(first);
    }

    @Test
    void theStageThatFollowsOutranksTheOneAfterIt() {
        List<Recommendation> ranked = rank("enterprise", TODAY, done("business-startup", TODAY.minusYears(4)));
        // No start-up rule holds four years on: the stage alone ranks, 员工录用阶段 (next) before 场地获得阶段.
        assertThat(ranked).extracting(Recommendation::bundle).startsWith("employee-hiring", "enterprise-real-estate-registration");
        assertThat(ranked.get(0).score()).isEqualTo(RecommendationRanking.NEXT_STAGE);
        assertThat(ranked.get(0).facts()).contains(new Recommendation.Fact("latestStage", "企业开办阶段"));
    }
}
