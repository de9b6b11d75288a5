package gov.onceonly.hub.connector;

import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A department that answers without end (a broken export, a hostile system) costs the hub one bounded buffer: the
 * answer is read as a stream, given up past hub.sources.max-answer-bytes and its connection dropped, so the
 * department can send little more than that (and the sockets' buffers) before it is hung up on. For a source's 200
 * and 404 alike, and for an approval system's reply to a push.
 */
class BoundedAnswersIT extends HubIntegrationTest {

    /** The limit (256 KiB) plus what loopback socket buffers hold: far below a buffered flood's gigabyte. */
    private static final long HUNG_UP_WITHIN = 16L * 1024 * 1024;

    @Autowired
    DepartmentCalls calls;

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear("gongan-population");
        sandbox.faults().clear("weijian-approval");
    }

    @Test
    void aFloodingSourceIsHungUpOnAndCountsAsAnOutage() {
        for (int status : new int[] {200, 404}) {
            long before = sandbox.faults().flooded("gongan-population");
            sandbox.faults().flood("gongan-population", status, 100);

            SourceAnswer answer = calls.fetch(new FetchRequest("bounded-" + status, "gongan-population", "person",
                    familiesWithBirthRecords().get(0).mother().idNumber()));

            assertThat(answer.outcome()).as("a flooded %s", status).isEqualTo(SourceAnswer.Outcome.FAILED);
            assertThat(answer.failure()).contains("answer larger than 262144 bytes (hub.sources.max-answer-bytes)");
            assertThat(sandbox.faults().flooded("gongan-population") - before).as("bytes sent before the hub hung up")
                    .isPositive().isLessThan(HUNG_UP_WITHIN);
            sandbox.faults().clear("gongan-population");
        }
    }

    @Test
    void aFloodingApprovalSystemFailsThePushAfterABoundedRead() {
        long before = sandbox.faults().flooded("weijian-approval");
        sandbox.faults().flood("weijian-approval", 200, 1);

        assertThatThrownBy(() -> calls.push("weijian-approval", "bounded:birth-certificate", "{\"record\":{}}",
                Map.of(), 0))
                .isInstanceOf(TargetAnswers.PushRefusedException.class)
                .hasMessage("target weijian-approval did not take the push: answer larger than 262144 bytes "
                        + "(hub.sources.max-answer-bytes)");
        assertThat(sandbox.faults().flooded("weijian-approval") - before).isPositive().isLessThan(HUNG_UP_WITHIN);
    }
}
