package gov.onceonly.hub.evidence;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The shared hub's ledger, signed over some entries, and {@link LedgerCopy}s of it to tamper with, dropped after each test. */
abstract class TamperingOnACopy extends HubIntegrationTest {

    @Autowired
    protected Environment env;

    /** The size of the last checkpoint of the shared ledger when the test began. */
    protected long signedHead;
    /** The application the test began with: its entries are in the ledger, and the hub gives its receipt. */
    protected String applicationId;
    private final List<LedgerCopy> copies = new ArrayList<>();

    @BeforeEach
    void aSignedLedgerOfSomeLength() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(41);
        applicationId = hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(),
                family.mother().name()))).path("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Long head = superuser.queryForObject("select max(seq) from evidence_checkpoint", Long.class);
            return head != null && head >= 8;
        });
        signedHead = superuser.queryForObject("select max(seq) from evidence_checkpoint", Long.class);
    }

    @AfterEach
    void dropTheCopies() {
        copies.forEach(LedgerCopy::close);
    }

    protected LedgerCopy copy() {
        LedgerCopy copy = new LedgerCopy(superuser, env.getRequiredProperty("spring.datasource.url"),
                env.getRequiredProperty("hub.embedded.postgres.admin-user"), signedHead);
        copies.add(copy);
        return copy;
    }
}
