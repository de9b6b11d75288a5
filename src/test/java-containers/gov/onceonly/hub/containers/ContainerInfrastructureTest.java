package gov.onceonly.hub.containers;

import gov.onceonly.hub.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The -Pcontainers switch without a Docker engine: registered, ordered before the embedded one, and polite. */
class ContainerInfrastructureTest {

    @Test
    void isRegisteredAndRunsBeforeTheEmbeddedInfrastructure() {
        @SuppressWarnings("rawtypes")
        List<ApplicationContextInitializer> initializers =
                new ArrayList<>(SpringFactoriesLoader.loadFactories(ApplicationContextInitializer.class, getClass().getClassLoader()));
        AnnotationAwareOrderComparator.sort(initializers);
        List<Class<?>> order = initializers.stream().<Class<?>>map(Object::getClass).toList();
        assertThat(order).contains(ContainerInfrastructure.class, EmbeddedInfrastructure.class);
        assertThat(order.indexOf(ContainerInfrastructure.class)).isLessThan(order.indexOf(EmbeddedInfrastructure.class));
    }

    @Test
    void startsNothingWhenTheDatabaseAndBrokerAreGiven() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/hub")
                .withProperty("hub.kafka.bootstrap-servers", "kafka.example:9092");
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.setEnvironment(env);
            new ContainerInfrastructure().initialize(context);
        }
        assertThat(env.getPropertySources().contains("hub-containers")).isFalse();
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/hub");
    }

    @Test
    void canBeSwitchedOff() {
        MockEnvironment env = new MockEnvironment().withProperty("hub.containers.enabled", "false");
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.setEnvironment(env);
            new ContainerInfrastructure().initialize(context);
        }
        assertThat(env.containsProperty("spring.datasource.url")).isFalse();
    }
}
