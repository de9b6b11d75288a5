package gov.onceonly.hub.rating;

import gov.onceonly.hub.application.ApplicationStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Of the statuses, only a completed application may be rated; an overdue item's (RatingIT) is the other way. */
class RatingEligibilityTest {

    @Test
    void ofTheStatusesOnlyCompletedMakesAnApplicationRateable() {
        assertThat(Arrays.stream(ApplicationStatus.values()).filter(RatingEligibility::completed))
                .containsExactly(ApplicationStatus.COMPLETED);
    }
}
