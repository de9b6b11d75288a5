package gov.onceonly.hub.pipeline;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaTopicsTest {

    @Test
    void productionTopicsHaveThreeReplicasAndNeedTwoInSync() {
        NewTopic topic = new KafkaTopics.Replication(Optional.of((short) 3), Optional.of(2)).newTopic("hub.applications");

        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).isEqualTo(Map.of("min.insync.replicas", "2"));
        assertThat(topic.numPartitions()).as("the broker's default partition count").isEqualTo(-1);
    }

    @Test
    void withoutSettingsTheBrokersDefaultsApply() {
        NewTopic topic = KafkaTopics.Replication.BROKER_DEFAULTS.newTopic("hub.applications");

        assertThat(topic.replicationFactor()).isEqualTo((short) -1);
        assertThat(topic.configs()).isNullOrEmpty();
    }
}
