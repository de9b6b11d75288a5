package gov.onceonly.hub.connector;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientSettingsTest {

    @Test
    void kafkasOwnPropertyNamesComeFromPropertiesOrTheEnvironment() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("file", Map.of(
                "hub.kafka.client.ssl.truststore.location", "/etc/hub/kafka-ca.pem")));
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("HUB_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL")));

        KafkaClientSettings settings = Binder.get(env).bindOrCreate("hub.kafka", KafkaProperties.class).clientSettings();

        assertThat(settings.properties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/hub/kafka-ca.pem");
        assertThat(settings.securityProtocol()).isEqualTo("SASL_SSL");
    }

    @Test
    void aClientsOwnSettingsWin() {
        KafkaClientSettings settings = new KafkaClientSettings(Map.of("security.protocol", "SSL",
                "enable.auto.commit", "true"));

        Map<String, Object> config = settings.with(Map.of("bootstrap.servers", "b:9093", "enable.auto.commit", false));

        assertThat(config).containsEntry("security.protocol", "SSL").containsEntry("bootstrap.servers", "b:9093")
                .containsEntry("enable.auto.commit", false);
        assertThat(KafkaClientSettings.NONE.securityProtocol()).isEqualTo("PLAINTEXT");
    }
}
