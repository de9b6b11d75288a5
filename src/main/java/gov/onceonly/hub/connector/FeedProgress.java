package gov.onceonly.hub.connector;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Whether the hub's copy of a streamed dataset holds everything the department had published when the hub
 * started. Until it does, a missing key may only be late, so a lookup is an outage to retry, not "not found".
 */
public final class FeedProgress {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FeedProgress.class);

    private static final class Feed {
        final String topic;
        final String groupId;
        final String brokers;
        final Map<Integer, Long> target;
        final Map<Integer, Long> next;
        volatile boolean caughtUp;
        long nextGroupCheck;

        Feed(String topic, String groupId, String brokers, Map<Integer, Long> target, Map<Integer, Long> next) {
            this.topic = topic;
            this.groupId = groupId;
            this.brokers = brokers;
            this.target = target;
            this.next = new ConcurrentHashMap<>(next);
            this.caughtUp = isCaughtUp();
        }

        boolean isCaughtUp() {
            return target.entrySet().stream().allMatch(e -> next.getOrDefault(e.getKey(), 0L) >= e.getValue());
        }
    }

    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final KafkaClientSettings settings;

    public FeedProgress() {
        this(KafkaClientSettings.NONE);
    }

    public FeedProgress(KafkaClientSettings settings) {
        this.settings = settings;
    }

    /** Remembers the topic's end offsets and the feed group's committed offsets, as of now. */
    public void track(String connector, String dataset, String topic, String groupId, String brokers) {
        try (Admin admin = Admin.create(settings.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers)))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions(admin, topic).forEach(p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest()));
            Map<Integer, Long> target = new HashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                    : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                target.put(end.getKey().partition(), end.getValue().offset());
            }
            feeds.put(connector + "/" + dataset, new Feed(topic, groupId, brokers, target, committed(admin, topic, groupId)));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot read the offsets of " + topic + " for " + connector + "/" + dataset
                    + " from " + brokers + ": " + e.getMessage(), e);
        }
    }

    /** The group's committed offsets of the topic: whichever member committed them had stored the records before. */
    private static Map<Integer, Long> committed(Admin admin, String topic, String groupId) throws Exception {
        Map<Integer, Long> committed = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> c : admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()) {
            if (c.getKey().topic().equals(topic) && c.getValue() != null) {
                committed.put(c.getKey().partition(), c.getValue().offset());
            }
        }
        return committed;
    }

    private static List<Integer> partitions(Admin admin, String topic) throws Exception {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            return description.partitions().stream().map(p -> p.partition()).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of(); // nothing published yet: nothing to wait for
            }
            throw e;
        }
    }

    /** The feed route stored the record at this offset. */
    public void consumed(String connector, String dataset, int partition, long offset) {
        Feed feed = feeds.get(connector + "/" + dataset);
        if (feed != null && !feed.caughtUp) {
            feed.next.merge(partition, offset + 1, Math::max);
            feed.caughtUp = feed.isCaughtUp();
            if (feed.caughtUp) {
                log.info("Streamed dataset {}/{} caught up: lookups now answer from the hub's copy", connector, dataset);
            }
        }
    }

    /**
     * True for feeds that are not tracked: there is nothing known to wait for. While a feed is behind, the group's
     * committed offsets are read again (at most once a second): with several hubs in the feed's group, the
     * partitions another instance consumes advance only there, and the records it stored are shared.
     */
    public boolean caughtUp(String connector, String dataset) {
        Feed feed = feeds.get(connector + "/" + dataset);
        if (feed == null || feed.caughtUp) {
            return true;
        }
        synchronized (feed) {
            long now = System.currentTimeMillis();
            if (!feed.caughtUp && now >= feed.nextGroupCheck) {
                feed.nextGroupCheck = now + 1000;
                try (Admin admin = Admin.create(settings.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, feed.brokers,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)))) {
                    committed(admin, feed.topic, feed.groupId).forEach((partition, offset) -> feed.next.merge(partition, offset, Math::max));
                    feed.caughtUp = feed.isCaughtUp();
                    if (feed.caughtUp) {
                        log.info("Streamed dataset {}/{} caught up (its group committed past the start): lookups answer "
                                + "from the shared copy", connector, dataset);
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    log.warn("Cannot read the committed offsets of {}: {}", feed.groupId, e.toString());
                }
            }
            return feed.caughtUp;
        }
    }
}
