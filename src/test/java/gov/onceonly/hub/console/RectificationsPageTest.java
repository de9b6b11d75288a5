package gov.onceonly.hub.console;

import gov.onceonly.hub.rating.RectificationCase;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RectificationsPageTest {

    private static final OffsetDateTime OPENED = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");
    private static final OffsetDateTime DUE = OPENED.plusDays(15);

    @Test
    void lateWhenAnsweredAfterItsDueDateOrStillOpenPastIt() {
        assertThat(row(RectificationCase.Status.OPEN, null, DUE.minusDays(1)).late()).isFalse();
        assertThat(row(RectificationCase.Status.OPEN, null, DUE.plusMinutes(1)).late()).isTrue();
        assertThat(row(RectificationCase.Status.ANSWERED, DUE.minusDays(2), DUE.plusDays(9)).late())
                .as("answered in time, however long the callback takes").isFalse();
        assertThat(row(RectificationCase.Status.CLOSED, DUE.plusHours(1), DUE.plusDays(9)).late()).isTrue();
    }

    @Test
    void freeTextIsMaskedAndTheStepsAreInWords() {
        RectificationsPage.Row row = row(RectificationCase.Status.CLOSED, DUE.minusDays(1), DUE);

        assertThat(row.status()).isEqualTo("已办结");
        assertThat(row.comment()).contains("110101********1234").doesNotContain("110101199001011234");
        assertThat(row.answer()).isEqualTo("已约谈窗口");
        assertThat(row.callback()).isEqualTo("不满意：仍要跑两次");
        assertThat(row.item()).as("a case of the whole application").isEqualTo("整件");
        assertThat(row.dueAt()).isEqualTo("2026-11-17 09:00");
    }

    private static RectificationsPage.Row row(RectificationCase.Status status, OffsetDateTime answeredAt,
                                              OffsetDateTime now) {
        RectificationCase c = new RectificationCase(UUID.randomUUID(), UUID.randomUUID(), null, "市公安局", "非常不满意",
                "身份证 110101199001011234 被要求复印", status, OPENED, DUE, answeredAt == null ? null : "已约谈窗口",
                answeredAt, status == RectificationCase.Status.CLOSED ? "unsatisfied" : null,
                status == RectificationCase.Status.CLOSED ? "仍要跑两次" : null, null);
        return RectificationsPage.row(c, now, java.util.Map.of());
    }
}
