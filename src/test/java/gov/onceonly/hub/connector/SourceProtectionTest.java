package gov.onceonly.hub.connector;

import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.support.SimpleRegistry;
import org.apache.camel.support.DefaultRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceProtectionTest {

    @Test
    void bindsTheConnectorsRetriesAndBreakerUnderTheNamesItsTemplateGets() {
        DefaultRegistry registry = new DefaultRegistry(new SimpleRegistry());
        var resilience = new SourceResilience(4, 150, new SourceResilience.Breaker(30, 5, 12, 7));

        var parameters = SourceProtection.bind(registry, "gongan-population", resilience);

        DefaultErrorHandlerDefinition retries = registry.lookupByNameAndType(
                (String) parameters.get("retries"), DefaultErrorHandlerDefinition.class);
        assertThat(retries.getRedeliveryPolicy().getMaximumRedeliveries()).isEqualTo("4");
        assertThat(retries.getRedeliveryPolicy().getRedeliveryDelay()).isEqualTo("150");
        Resilience4jConfigurationDefinition breaker = registry.lookupByNameAndType(
                (String) parameters.get("breaker"), Resilience4jConfigurationDefinition.class);
        assertThat(breaker.getFailureRateThreshold()).isEqualTo("30.0");
        assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo("5");
        assertThat(breaker.getSlidingWindowSize()).isEqualTo("12");
        assertThat(breaker.getWaitDurationInOpenState()).isEqualTo("7");
        assertThat(parameters).containsOnlyKeys("retries", "breaker");
    }
}
