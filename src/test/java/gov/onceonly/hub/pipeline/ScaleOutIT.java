package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.SecondHub;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances on one database and one broker share one stream of applications through Kafka's consumer
 * groups; the second is stopped mid-stream, and the first finishes its share. Each application is collected
 * and each item delivered once.
 */
class ScaleOutIT extends HubIntegrationTest {

    @Value("${spring.datasource.url}")
    String database;
    @Value("${hub.kafka.bootstrap-servers}")
    String brokers;
    @Value("${hub.sandbox.url}")
    String departments;
    @Value("${hub.sandbox.postgres-url}")
    String departmentDatabases;
    @Value("${hub.sandbox.drop-dir}")
    String dropDir;
    @Autowired
    CollectStage collect;

    @Test
    void twoInstancesShareTheWorkAndStoppingOneLosesNothing() throws Exception {
        List<SyntheticPeople.Family> families = familiesWithBirthRecords().subList(180, 230);
        long collectedHereBefore = collect.collected();
        List<String> statusUrls = new ArrayList<>();
        long collectedThere;
        try (SecondHub second = SecondHub.startSharing("scaleout", Map.of(
                "spring.datasource.url", database,
                "spring.datasource.username", "postgres",
                "hub.kafka.bootstrap-servers", brokers,
                "hub.sandbox.url", departments,
                "hub.sandbox.postgres-url", departmentDatabases,
                "hub.sandbox.postgres-user", "postgres",
                "hub.sandbox.drop-dir", dropDir))) {
            HubClient there = new HubClient(second.port(), json);
            CollectStage collectThere = second.bean(CollectStage.class);
            awaitMembers("hub-pipeline", 2);
            // Channels reach both instances, as behind a load balancer.
            for (int i = 0; i < 30; i++) {
                SyntheticPeople.Family family = families.get(i);
                HubClient channel = i % 2 == 0 ? hub : there;
                statusUrls.add(channel.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> collectThere.collected() > 0);
            collectedThere = collectThere.collected();
        }
        // The second instance is gone; the rest of the stream is the first one's.
        for (int i = 30; i < families.size(); i++) {
            SyntheticPeople.Family family = families.get(i);
            statusUrls.add(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())));
        }
        for (String statusUrl : statusUrls) {
            hub.awaitEveryItemDelivered(statusUrl, Duration.ofSeconds(90));
        }
        assertThat(collectedThere).as("the second instance collected part of the stream").isPositive();
        assertThat(collect.collected() - collectedHereBefore).as("the first instance collected the rest").isPositive();

        Set<String> ids = statusUrls.stream().map(url -> url.substring(url.lastIndexOf('/') + 1)).collect(Collectors.toSet());
        for (SyntheticPeople.Family family : families) {
            assertThat(sandbox.lookups().count("gongan-population", family.mother().idNumber()))
                    .as("the population registry was asked once about " + family.mother().name()).isEqualTo(1);
        }
        List<ApprovalInbox.Received> received = sandbox.inbox().received("weijian-approval").stream()
                .filter(r -> r.idempotencyKey() != null && r.idempotencyKey().endsWith(":birth-certificate")
                        && ids.contains(r.idempotencyKey().split(":")[0])).toList();
        assertThat(received).as("each birth certificate reached 市卫生健康委 once").hasSize(ids.size());
        Long items = jdbc.queryForObject("select count(*) from application_item where application_id::text in ("
                + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ") and delivered_at is not null", Long.class);
        assertThat(items).isEqualTo(ids.size() * 5L);

        // Both instances appended to one evidence chain: each intake and push once, and the chain intact (the
        // verification first chains what waits).
        var verified = hub.body(hub.asOperator().unsigned().post("/api/v1/ops/evidence/verify", ""));
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        String these = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        assertThat(jdbc.queryForObject("select count(*) from evidence_entry where kind = 'INTAKE' and application_id::text in ("
                + these + ")", Long.class)).isEqualTo(ids.size());
        assertThat(jdbc.queryForObject("select count(*) from evidence_entry where kind = 'PUSH' and application_id::text in ("
                + these + ") and event_key not like 'NOTICE:%'", Long.class)).as("the items").isEqualTo(ids.size() * 5L);
        assertThat(jdbc.queryForObject("select count(*) from evidence_entry where kind = 'PUSH' and application_id::text in ("
                + these + ") and event_key like 'NOTICE:%'", Long.class)).as("the birth certificates, to the library")
                .isEqualTo(ids.size());
    }

    /**
     * Both instances' consumers in the group after the rebalance, every partition assigned: each consumer has one
     * if there are partitions enough, else as many consumers as partitions (the rest idle in reserve).
     */
    private void awaitMembers(String group, int members) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                        .get(5, TimeUnit.SECONDS).get(group);
                if (description.state() != ConsumerGroupState.STABLE || description.members().size() != members) {
                    return false;
                }
                Set<String> topics = new java.util.HashSet<>();
                description.members().forEach(m -> m.assignment().topicPartitions().forEach(p -> topics.add(p.topic())));
                int partitions = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                        .mapToInt(d -> d.partitions().size()).sum();
                long busy = description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
                return !topics.isEmpty() && busy == Math.min(members, partitions);
            });
        }
    }
}
