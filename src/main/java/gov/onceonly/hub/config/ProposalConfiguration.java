package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigRootProperties;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.KafkaClientSettings;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.intake.Intake;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.pipeline.KafkaTopics;
import gov.onceonly.hub.proposal.ProposalConfirmations;
import gov.onceonly.hub.proposal.ProposalEvents;
import gov.onceonly.hub.proposal.ProposalNotices;
import gov.onceonly.hub.proposal.ProposalProperties;
import gov.onceonly.hub.proposal.ProposalRules;
import gov.onceonly.hub.proposal.ProposalStore;
import gov.onceonly.hub.schedule.ClusterLock;
import gov.onceonly.hub.schedule.PeriodicJobs;
import gov.onceonly.hub.security.PayloadCipher;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/** Proactive proposals (无感通办): the rules of proposals/, the events route, the store, the channels' notices, expiry. */
@Configuration(proxyBeanMethods = false)
public class ProposalConfiguration {

    @Bean
    ProposalRules proposalRules(ConfigRootProperties configRoot, BundleCatalog bundles, ConnectorCatalog connectors) {
        return ProposalRules.load(configRoot.root(), bundles, connectors);
    }

    @Bean
    ProposalStore proposalStore(JdbcTemplate jdbc, PayloadCipher cipher, ObjectMapper json) {
        return new ProposalStore(jdbc, cipher, json);
    }

    @Bean
    ProposalEvents proposalEvents(ProposalRules rules, BundleCatalog bundles, ProposalStore store, Outbox outbox,
                                  TransactionTemplate tx, ObjectMapper json, Clock clock, ProposalProperties proposals) {
        return new ProposalEvents(rules, bundles, store, new ProposalNotices(outbox, json, proposals.channels()), tx,
                json, clock);
    }

    @Bean
    ProposalConfirmations proposalConfirmations(ProposalStore store, BundleCatalog bundles, Intake intake, Clock clock,
                                                ProposalProperties proposals) {
        return new ProposalConfirmations(store, bundles, intake, clock, proposals.channels().keySet());
    }

    /** One instance of a cluster marks the open proposals past their expiry. */
    @Bean(destroyMethod = "close")
    PeriodicJobs.Scheduled proposalExpiry(PeriodicJobs jobs, ClusterLock lock, ProposalStore store,
                                          ProposalProperties proposals) {
        return jobs.every("Proposal expiry", proposals.expiryCheck(), lock.alone("proposal-expiry", store::expire));
    }

    /**
     * Before Camel starts: the channels' proposal topics (the hub's own), then the events route over the topics the
     * rules read now, in the group {@code <prefix>-proposals}; a rule naming another topic later needs a restart.
     */
    @Bean
    CamelContextConfiguration proposalEventsRoute(ProposalRules rules, ProposalProperties proposals,
                                                  KafkaProperties kafka, KafkaClientSettings kafkaClient) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                List<String> channelTopics = proposals.channels().values().stream()
                        .map(ProposalProperties.Channel::topic).distinct().toList();
                if (!channelTopics.isEmpty()) {
                    KafkaTopics.ensure(kafka.bootstrapServers(), kafkaClient, channelTopics,
                            PipelineConfiguration.replication(kafka));
                }
                if (!proposals.enabled() || rules.topics().isEmpty()) {
                    return;
                }
                try {
                    TemplatedRouteBuilder.builder(camel, "proposal-events").routeId("proposal-events")
                            .parameter("topics", String.join(",", rules.topics()))
                            .parameter("brokers", kafka.bootstrapServers())
                            .parameter("groupId", kafka.groupPrefix() + "-proposals")
                            .add();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start the proposal events route: " + e.getMessage(), e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing: the route starts with Camel
            }
        };
    }
}
