package gov.onceonly.hub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusConventionsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    PrometheusConventionsTest() {
        registry.config().meterFilter(new PrometheusConventions());
    }

    @Test
    void aLibraryMeterWithoutDescriptionGetsOne() {
        Counter.builder("tomcat.sessions.created").register(registry);
        assertThat(registry.get("tomcat.sessions.created").counter().getId().getDescription()).isEqualTo("Sessions created");
    }

    @Test
    void aDescriptionGivenIsKept() {
        Counter.builder("tomcat.sessions.created").description("own").register(registry);
        assertThat(registry.get("tomcat.sessions.created").counter().getId().getDescription()).isEqualTo("own");
    }

    @Test
    void countIsNoSuffixForAGauge() {
        Gauge.builder("system.cpu.count", () -> 2).description("The number of processors").register(registry);
        assertThat(registry.find("system.cpu.count").gauge()).isNull();
        assertThat(registry.get("system.cpu.processors").gauge().value()).isEqualTo(2);
    }

    @Test
    void metersInAbbreviatedUnitsAreDropped() {
        Counter.builder("process.cpu.time").baseUnit("ns").register(registry);
        assertThat(registry.find("process.cpu.time").counter()).isNull();
        Counter.builder("hub.deliveries").register(registry);
        assertThat(registry.find("hub.deliveries").counter()).isNotNull();
    }
}
