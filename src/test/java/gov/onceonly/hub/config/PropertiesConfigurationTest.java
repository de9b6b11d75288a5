package gov.onceonly.hub.config;

import gov.onceonly.hub.connector.SourcesProperties;
import gov.onceonly.hub.outbox.OutboxProperties;
import gov.onceonly.hub.pipeline.DispatchProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's configuration records as the context binds them: defaults in one place, a wrong value named by its key. */
class PropertiesConfigurationTest {

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesConfiguration.class)
            .withPropertyValues("hub.kafka.bootstrap-servers=127.0.0.1:9092");

    @Test
    void nothingSetButTheBrokersBindsTheDefaults() {
        hub.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OutboxProperties.class).batchSize()).isEqualTo(200);
            assertThat(context.getBean(OutboxProperties.class).retention()).isEqualTo(Duration.ofHours(24));
            assertThat(context.getBean(DispatchProperties.class).maxRedeliveries()).isEqualTo(1);
            assertThat(context.getBean(SourcesProperties.class).breaker().window()).isEqualTo(20);
        });
    }

    @Test
    void aWrongValueStopsTheStartNamingItsFullKey() {
        assertFailsNaming("hub.outbox.batch-size=0", "hub.outbox.batch-size", "must be greater than 0");
        assertFailsNaming("hub.pipeline.workers=abc", "hub.pipeline.workers", "abc");
        assertFailsNaming("hub.health.check-period=0s", "hub.health.check-period", "must be longer than or equal to");
        // A nested record's field is named as Spring Boot's failure analysis prints it: hub.sources.breaker.failureRate.
        assertFailsNaming("hub.sources.breaker.failure-rate=101", "hub.sources", "breaker.failureRate",
                "must be less than or equal to 100");
        assertFailsNaming("hub.evidence.origin=onceonly hub", "hub.evidence.origin", "letters, digits");
        assertFailsNaming("hub.kafka.bootstrap-servers=", "hub.kafka.bootstrap-servers", "must not be blank");
        assertFailsNaming("hub.supervision.due-soon-working-days=-1", "hub.supervision.due-soon-working-days",
                "must be greater than or equal to 0");
        assertFailsNaming("hub.supervision.zone=Mars/Olympus", "hub.supervision.zone", "Mars/Olympus");
    }

    /**
     * application.properties repeats most defaults, for the operator reading it and for the routes' {{...}}
     * placeholders, which read the environment; each record bound from it equals the record's own defaults.
     */
    @Test
    void applicationPropertiesRepeatsTheRecordsDefaultsWithoutChangingThem() throws IOException {
        Properties file = PropertiesLoaderUtils.loadAllProperties("application.properties");
        MockEnvironment fromFile = new MockEnvironment();
        file.stringPropertyNames().forEach(name -> fromFile.setProperty(name, file.getProperty(name)));
        for (Class<?> record : AnnotationUtils.findAnnotation(PropertiesConfiguration.class,
                EnableConfigurationProperties.class).value()) {
            String prefix = AnnotationUtils.findAnnotation(record, ConfigurationProperties.class).prefix();
            assertThat(bind(fromFile, prefix, record)).as(prefix + " in application.properties")
                    .isEqualTo(bind(new MockEnvironment(), prefix, record));
        }
    }

    private static Object bind(ConfigurableEnvironment env, String prefix, Class<?> record) {
        return Binder.get(env).bindOrCreate(prefix, record);
    }

    private void assertFailsNaming(String property, String... keyAndReason) {
        hub.withPropertyValues(property).run(context -> {
            assertThat(context).as(property).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            assertThat(messages).as(property).contains(keyAndReason);
        });
    }
}
