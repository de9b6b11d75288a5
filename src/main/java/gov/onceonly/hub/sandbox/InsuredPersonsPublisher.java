package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** 市医保局 publishing its insured-persons dataset as a stream, as a real department's CDC feed would. */
final class InsuredPersonsPublisher {

    static final String TOPIC = "ybj.insured-persons";

    private InsuredPersonsPublisher() {
    }

    static void publishAll(String bootstrapServers, SyntheticPeople people, ObjectMapper json) throws IOException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                // Not idempotent: on a topic created a moment ago an idempotent producer can stall for its whole delivery
                // timeout on sequence errors. A repeated record is harmless, the hub keeps the latest per key.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "sandbox-ybj-publisher"), new StringSerializer(), new StringSerializer())) {
            for (SyntheticPeople.Family f : people.families()) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("idNumber", f.mother().idNumber());
                record.put("name", f.mother().name());
                record.put("insuredId", f.insuredId());
                record.put("insuranceType", "职工基本医疗保险");
                record.put("insuredStatus", "正常参保");
                record.put("insuredArea", "重庆市" + f.policeStation().replace("派出所", ""));
                record.put("employer", "重庆市某某科技有限公司");
                producer.send(new ProducerRecord<>(TOPIC, f.mother().idNumber(), json.writeValueAsString(record)));
            }
            producer.flush();
        }
    }
}
