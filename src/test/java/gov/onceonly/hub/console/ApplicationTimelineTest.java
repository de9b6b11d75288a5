package gov.onceonly.hub.console;

import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ApplicationView;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.supervision.ItemDeadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationTimelineTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void stepsOfEveryDepartmentInTheOrderTheyHappened() {
        ApplicationTimeline timeline = ApplicationTimeline.of(view(), Optional.empty());

        assertThat(timeline.steps()).extracting(ApplicationTimeline.Step::what)
                .containsExactly("收件", "推送至weijian-approval", "推送至gongan-hukou <script>", "已受理", "已退回");
        assertThat(timeline.steps().get(0).time()).as("China's time").isEqualTo("2026-03-02 09:00:00");
        assertThat(timeline.steps()).extracting(ApplicationTimeline.Step::department)
                .containsExactly(ApplicationTimeline.HUB, "市卫生健康委", "市公安局", "市卫生健康委", "市公安局");
        assertThat(timeline.departments()).containsExactly(ApplicationTimeline.HUB, "市卫生健康委", "市公安局");
        assertThat(timeline.steps().get(4).attention()).isTrue();
        assertThat(timeline.status()).isEqualTo("办理中");
    }

    @Test
    void anIdNumberInADepartmentsTextIsMasked() {
        ApplicationTimeline timeline = ApplicationTimeline.of(view(), Optional.empty());

        ApplicationTimeline.Step rejected = timeline.steps().get(4);
        assertThat(rejected.note()).contains("110101********1234").doesNotContain("110101199001011234");
        assertThat(timeline.items().get(1).decision()).contains("110101********1234");
    }

    @Test
    void theChartEscapesWhatItShowsAndPlacesEachStepInItsDepartmentsLane() {
        String svg = TimelineChart.svg(ApplicationTimeline.of(view(), Optional.empty()));

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(svg.split("<circle", -1)).hasSize(6);
        assertThat(svg).contains(">市公安局</text>").contains("fill=\"#c5221f\"");
    }

    @Test
    void anItemWithAClockSaysWhenItIsDueAndHowLate() {
        ApplicationTimeline timeline = ApplicationTimeline.of(view(), Optional.empty(), List.of(
                new ItemDeadline("birth-certificate", Instant.parse("2026-03-16T10:00:00Z"), "OVERDUE", false)));

        ApplicationTimeline.ItemRow birth = timeline.items().get(0);
        assertThat(birth.dueAt()).as("China's time").isEqualTo("2026-03-16 18:00");
        assertThat(birth.supervision()).isEqualTo("已超期");
        assertThat(birth.attention()).as("an accepted item, but overdue").isTrue();
        assertThat(timeline.items().get(1).dueAt()).as("no clock").isEmpty();
        assertThat(timeline.items().get(1).supervision()).isEmpty();
        assertThat(StatusNames.supervision("OVERDUE", true)).as("decided late").isEqualTo("超期办结");
        assertThat(StatusNames.supervision("DUE_SOON", false)).isEqualTo("即将到期");
    }

    @Test
    void elapsedTimeToTheUnitThatMatters() {
        assertThat(ApplicationTimeline.elapsed(Duration.ofSeconds(42))).isEqualTo("+42 秒");
        assertThat(ApplicationTimeline.elapsed(Duration.ofSeconds(185))).isEqualTo("+3 分 05 秒");
        assertThat(ApplicationTimeline.elapsed(Duration.ofMinutes(125))).isEqualTo("+2 小时 05 分");
        assertThat(ApplicationTimeline.elapsed(Duration.ofHours(52))).isEqualTo("+2 天 4 小时");
        assertThat(ApplicationTimeline.elapsed(Duration.ofSeconds(-1))).isEmpty();
    }

    private static ApplicationView view() {
        ApplicationView.Item birth = item("birth-certificate", "市卫生健康委", "weijian-approval", ItemStatus.ACCEPTED,
                RECEIVED.plusSeconds(2), null, List.of(new ApplicationView.Event(ItemStatus.ACCEPTED,
                        RECEIVED.plusSeconds(60), RECEIVED.plusSeconds(61), "api", true, "e1", Map.of())));
        ApplicationView.Item household = item("household-registration", "市公安局", "gongan-hukou <script>",
                ItemStatus.REJECTED, RECEIVED.plusSeconds(3), "材料不符 110101199001011234", List.of(new ApplicationView.Event(
                        ItemStatus.REJECTED, RECEIVED.plusSeconds(3600), RECEIVED.plusSeconds(3601), "topic", true, "e2",
                        Map.of("reason", "<script>alert(1)</script> 110101199001011234"))));
        return new ApplicationView(UUID.randomUUID(), "newborn", "v1", ApplicationStatus.IN_PROGRESS, RECEIVED,
                RECEIVED.plusSeconds(3600), List.of(birth, household), 10, 2, null, null, null);
    }

    private static ApplicationView.Item item(String id, String department, String target, ItemStatus status,
                                             Instant delivered, String reason, List<ApplicationView.Event> events) {
        return new ApplicationView.Item(id, department, target, status, 1, null, delivered, List.of(), Map.of(),
                List.of(), status, null, null, null, reason, events);
    }
}
