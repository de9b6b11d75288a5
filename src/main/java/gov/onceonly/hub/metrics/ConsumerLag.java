package gov.onceonly.hub.metrics;

import gov.onceonly.hub.connector.KafkaClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How far the hub's consumer groups are behind their topics (end offset minus committed offset, summed over the
 * partitions), per group and topic. Read with the Kafka admin client, so it is the same for every instance.
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final List<String> groups;
    private final GaugeFamily lag;

    public ConsumerLag(String bootstrapServers, KafkaClientSettings settings, List<String> groups, MeterRegistry registry) {
        this.admin = Admin.create(settings.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)));
        this.groups = List.copyOf(groups);
        this.lag = new GaugeFamily("hub.kafka.consumer.lag",
                "Messages a consumer group has yet to process, by group and topic", registry);
    }

    public void refresh() throws Exception {
        Map<Tags, Long> rows = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            Map<String, Long> byTopic = new HashMap<>();
            committed.forEach((partition, offset) -> {
                long end = ends.get(partition).offset();
                long behind = offset == null ? end : Math.max(0, end - offset.offset());
                byTopic.merge(partition.topic(), behind, Long::sum);
            });
            byTopic.forEach((topic, behind) -> rows.put(Tags.of("group", group, "topic", topic), behind));
        }
        lag.update(rows);
    }

    @Override
    public void close() {
        admin.close();
    }
}
