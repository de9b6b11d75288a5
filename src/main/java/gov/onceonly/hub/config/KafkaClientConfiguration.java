package gov.onceonly.hub.config;

import gov.onceonly.hub.connector.KafkaClientSettings;
import gov.onceonly.hub.connector.KafkaProperties;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka client settings of the whole hub ({@code hub.kafka.client.*}: TLS, SASL), given to its own clients by
 * the other configurations and to Camel's Kafka component here, so that every endpoint of the routes has them too.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaClientConfiguration {

    @Bean
    KafkaClientSettings kafkaClientSettings(KafkaProperties kafka) {
        return kafka.clientSettings();
    }

    /** Camel applies its Kafka configuration's additional properties last, over its own options. */
    @Bean
    ComponentCustomizer kafkaComponentClientSettings(KafkaClientSettings settings) {
        return ComponentCustomizer.forType(KafkaComponent.class,
                kafka -> kafka.getConfiguration().getAdditionalProperties().putAll(settings.properties()));
    }
}
