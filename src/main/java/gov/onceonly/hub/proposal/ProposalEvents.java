package gov.onceonly.hub.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.evidence.Sha256;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The events of the rules' streams (route proposal-events): each rule of the event's topic proposes its bundle, or
 * keeps the event for operators with the reason it cannot, or lets it pass when it is not the rule's. Nothing is pulled
 * from any department here: a proposal holds only what the event itself carries, until its subject consents.
 */
public class ProposalEvents {

    private static final Logger log = LoggerFactory.getLogger(ProposalEvents.class);

    private final ProposalRules rules;
    private final BundleCatalog bundles;
    private final ProposalStore store;
    private final ProposalNotices notices;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;

    public ProposalEvents(ProposalRules rules, BundleCatalog bundles, ProposalStore store, ProposalNotices notices,
                          TransactionTemplate tx, ObjectMapper json, Clock clock) {
        this.rules = rules;
        this.bundles = bundles;
        this.store = store;
        this.notices = notices;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** One record of a rule's stream, from the route. */
    public void receive(Exchange exchange) {
        String topic = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        Integer partition = exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
        Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
        receive(topic, partition == null ? -1 : partition, offset == null ? -1 : offset,
                exchange.getMessage().getBody(String.class));
    }

    /** One event read at topic/partition/offset; how many proposals it made. */
    public int receive(String topic, int partition, long offset, String text) {
        JsonNode event = parse(text);
        String sha = Sha256.hex(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
        int proposed = 0;
        for (CompiledRule rule : rules.onTopic(topic)) {
            EventCheck.Outcome outcome = EventCheck.check(rule, event, bundles::find);
            if (outcome instanceof EventCheck.Rejected rejected) {
                store.rejected(rule.id(), topic, partition, offset, rejected.reason(), text == null ? "" : text);
                log.warn("The event at {}/{}/{} makes no proposal under rule {}: {}", topic, partition, offset, rule.id(),
                        rejected.reason());
            } else if (outcome instanceof EventCheck.Proposed proposal && propose(rule, proposal, sha)) {
                proposed++;
            }
        }
        return proposed;
    }

    private boolean propose(CompiledRule rule, EventCheck.Proposed proposal, String eventSha256) {
        CompiledBundle bundle = bundles.find(rule.rule().bundle()).orElseThrow();
        UUID id = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(Duration.ofDays(rule.rule().expiryDays()));
        Boolean created = tx.execute(status -> {
            boolean fresh = store.insert(id, rule.id(), proposal.eventKey(), bundle.id(), proposal, eventSha256, expiresAt);
            if (fresh) {
                notices.announce(id, bundle.id(), bundle.definition().name(), expiresAt);
            }
            return fresh;
        });
        if (Boolean.TRUE.equals(created)) {
            log.info("Proposed {} to {} (proposal {}, rule {})", bundle.id(), proposal.subject(), id, rule.id());
            return true;
        }
        log.debug("Rule {} already proposed for event {}", rule.id(), proposal.eventKey());
        return false;
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (java.io.IOException unreadable) {
            return null; // EventCheck rejects it: not a JSON object
        }
    }
}
