package gov.onceonly.hub.rating;

import gov.onceonly.hub.application.ApplicationStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Until supervision gives items a time limit, only a completed application may be rated. */
class RatingEligibilityTest {

    @Test
    void onlyACompletedApplicationMayBeRatedWhileNoItemHasATimeLimit() {
        RatingEligibility eligibility = new RatingEligibility(null); // the overdue part reads nothing yet
        UUID id = UUID.randomUUID();
        assertThat(Arrays.stream(ApplicationStatus.values()).filter(status -> eligibility.mayRate(id, status)))
                .containsExactly(ApplicationStatus.COMPLETED);
    }
}
