package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.connector.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics the hub consumes before its consumers subscribe. A consumer that subscribes to a topic
 * created later only notices it at its next metadata refresh, minutes away; the first applications would wait.
 */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /**
     * How the hub's own topics are created: replicas and the in-sync replicas an acknowledged write needs (empty: the
     * broker's defaults), and whether the log is compacted. Production runs three brokers with 3 and 2
     * (docs/deployment.md).
     */
    public record Replication(Optional<Short> factor, Optional<Integer> minInsyncReplicas, boolean compaction) {

        public static final Replication BROKER_DEFAULTS = new Replication(Optional.empty(), Optional.empty());

        public Replication(Optional<Short> factor, Optional<Integer> minInsyncReplicas) {
            this(factor, minInsyncReplicas, false);
        }

        /** The same, for a log that keeps the last record of each key (cleanup.policy=compact). */
        public Replication withCompaction() {
            return new Replication(factor, minInsyncReplicas, true);
        }

        NewTopic newTopic(String name) {
            NewTopic topic = new NewTopic(name, Optional.empty(), factor);
            Map<String, String> configs = new HashMap<>();
            minInsyncReplicas.ifPresent(min -> configs.put("min.insync.replicas", String.valueOf(min)));
            if (compaction) {
                configs.put("cleanup.policy", "compact");
            }
            return topic.configs(configs);
        }
    }

    /** Creates whichever of the topics do not exist yet, with the broker's default partitions and replication. */
    public static void ensure(String bootstrapServers, Collection<String> topics) {
        ensure(bootstrapServers, KafkaClientSettings.NONE, topics, Replication.BROKER_DEFAULTS);
    }

    /** Creates whichever of the topics do not exist yet, with the broker's default partitions and this replication. */
    public static void ensure(String bootstrapServers, KafkaClientSettings settings, Collection<String> topics,
                              Replication replication) {
        try (Admin admin = Admin.create(settings.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> missing = topics.stream().distinct().filter(t -> !existing.contains(t)).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing.stream().map(replication::newTopic).toList())
                        .all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            awaitLeaders(admin, missing);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Kafka topics " + topics + " on " + bootstrapServers
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not serve " + topics + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }

    /**
     * The controller acknowledges a new topic before the broker serves it; a producer that writes in between gets
     * "not leader" and, being idempotent, may then stall on sequence errors until its delivery timeout. So wait
     * until every partition has a leader and that leader answers a ListOffsets request for it.
     */
    private static void awaitLeaders(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
                if (described.values().stream().flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null)) {
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    described.values().forEach(d -> d.partitions().forEach(
                            p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException
                        || e.getCause() instanceof NotLeaderOrFollowerException
                        || e.getCause() instanceof LeaderNotAvailableException)) {
                    throw e;
                }
            }
            Thread.sleep(50);
        }
        throw new TimeoutException("no leader for " + topics);
    }
}
