package gov.onceonly.hub.embedded;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.SecondHub;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SandboxDepartments;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka in its production shape loses a broker mid-stream: a hub on three KRaft brokers (topics with three replicas,
 * two in sync) takes applications while the leader of one of its partitions is stopped as a crash would stop it.
 * Every application it acknowledged is delivered, and every item reaches its department once.
 */
class BrokerLossIT extends HubIntegrationTest {

    private static final Path DATA = Path.of("target", "it-data", "broker-loss");
    private static final String NAME = "brokerloss";

    @Test
    void killingTheLeaderOfABusyPartitionLosesNothingAcknowledgedAndDoesNothingTwice() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        FileSystemUtils.deleteRecursively(Path.of("target", "it-data", NAME));
        try (ThreeBrokerCluster kafka = ThreeBrokerCluster.start(DATA);
             SecondHub second = SecondHub.start(NAME, Map.of(
                     "hub.kafka.bootstrap-servers", kafka.bootstrapServers(),
                     "hub.kafka.replication-factor", "3",
                     "hub.kafka.min-insync-replicas", "2",
                     "hub.sandbox.families", "60",
                     // Sources that are not there yet (a feed catching up, a partition without its quorum) are asked
                     // again soon, as in the shared hub: the backoff's five-minute cap would outlast the test's wait.
                     "hub.collect.retry-delay-millis", "300",
                     "hub.collect.max-delay-millis", "1500"))) {
            SandboxDepartments departments = second.bean(SandboxDepartments.class);
            HubClient client = new HubClient(second.port(), json);
            List<SyntheticPeople.Family> families = departments.people().families().stream()
                    .filter(f -> f.birth() != null).limit(40).toList();
            List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());

            submit(client, families.subList(0, 15), acknowledged);
            // The hub made its topics with three replicas, two of which must acknowledge each write.
            assertThat(topicSettings(kafka.bootstrapServers(), NAME + ".applications"))
                    .isEqualTo(Map.of("replicas", "3", "min.insync.replicas", "2"));
            int leader = leaderOfPartitionZero(kafka.bootstrapServers(), NAME + ".applications");
            ExecutorService channel = Executors.newSingleThreadExecutor();
            channel.submit(() -> {
                submit(client, families.subList(15, 40), acknowledged);
                return null;
            });
            Thread.sleep(300);
            var hubDatabase = second.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            int deliveredAtKill = hubDatabase.queryForObject(
                    "select count(*) from application_item where delivered_at is not null", Integer.class);
            kafka.kill(leader);
            channel.shutdown();
            assertThat(channel.awaitTermination(120, TimeUnit.SECONDS)).as("the channel's submissions").isTrue();

            assertThat(deliveredAtKill).as("the kill came mid-stream: items delivered by then").isLessThan(40 * 5);
            assertThat(acknowledged).as("applications acknowledged").hasSizeGreaterThanOrEqualTo(30);
            for (String statusUrl : acknowledged) {
                client.awaitEveryItemDelivered(statusUrl, Duration.ofSeconds(120));
            }
            ApprovalInbox inbox = departments.inbox();
            for (String statusUrl : acknowledged) {
                String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
                assertThat(keys(inbox, "weijian-approval", id))
                        .containsExactlyInAnyOrder(id + ":birth-certificate", id + ":vaccination-certificate");
                assertThat(keys(inbox, "rlsb-card-approval", id)).containsExactly(id + ":social-security-card");
            }
            assertThat(hubDatabase.queryForObject("select count(*) from application", Integer.class))
                    .as("no application that was not acknowledged")
                    .isEqualTo(acknowledged.size());
        }
    }

    private static void submit(HubClient client, List<SyntheticPeople.Family> families, List<String> acknowledged) {
        for (SyntheticPeople.Family family : families) {
            try {
                var response = client.post("/api/v1/applications", HubClient.newborn(family.mother().idNumber(),
                        family.mother().name()));
                if (response.statusCode() == 202) {
                    acknowledged.add(client.body(response).path("statusUrl").asText());
                }
            } catch (Exception e) {
                // not acknowledged: the channel would try again; the test counts only what the hub acknowledged
            }
        }
    }

    private static Map<String, String> topicSettings(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
            String minInsync = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("min.insync.replicas").value();
            return Map.of("replicas", String.valueOf(description.partitions().get(0).replicas().size()),
                    "min.insync.replicas", minInsync);
        }
    }

    private static int leaderOfPartitionZero(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().get(0).leader().id();
        }
    }

    private static List<String> keys(ApprovalInbox inbox, String system, String applicationId) {
        return inbox.received(system).stream().map(ApprovalInbox.Received::idempotencyKey)
                .filter(key -> key.startsWith(applicationId + ":")).toList();
    }
}
