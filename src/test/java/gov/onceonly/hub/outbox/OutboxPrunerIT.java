package gov.onceonly.hub.outbox;

import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Published outbox rows older than the retention (24 h) are deleted; recent ones are kept. */
class OutboxPrunerIT extends HubIntegrationTest {

    @Autowired
    OutboxPruner pruner;

    @Test
    void publishedRowsPastTheRetentionAreDeletedAndRecentOnesKept() {
        String marker = UUID.randomUUID().toString();
        insertPublished(marker + "-old", "now() - interval '25 hours'");
        insertPublished(marker + "-recent", "now() - interval '1 hour'");

        assertThat(pruner.prune()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("select message_key from outbox where message_key like ?", String.class, marker + "%"))
                .containsExactly(marker + "-recent");
    }

    private void insertPublished(String key, String publishedAt) {
        jdbc.update("insert into outbox (topic, message_key, payload, created_at, published_at) values ('hub.prune-test', ?, '{}', "
                + publishedAt + ", " + publishedAt + ")", key);
    }
}
