package gov.onceonly.hub.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A gauge per tag set, registered once and then given new values in place, as the KPI gauges are. */
class GaugeFamilyTest {

    @Test
    void aNewValueReplacesTheOldInPlaceAndANewTagSetAddsAGauge() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GaugeFamily filled = new GaugeFamily("hub.kpi.fields.filled", "fields filled", registry);

        filled.set(Tags.of("bundle", "newborn", "by", "hub"), 45);
        var meter = registry.get("hub.kpi.fields.filled").tags("bundle", "newborn", "by", "hub").gauge();
        filled.set(Tags.of("bundle", "newborn", "by", "hub"), 90);
        filled.set(Tags.of("bundle", "newborn", "by", "applicant"), 22);

        assertThat(registry.get("hub.kpi.fields.filled").tags("bundle", "newborn", "by", "hub").gauge())
                .as("the same meter, never removed and added again").isSameAs(meter);
        assertThat(meter.value()).isEqualTo(90);
        assertThat(registry.get("hub.kpi.fields.filled").gauges()).hasSize(2);
        assertThat(registry.scrape()).contains("hub_kpi_fields_filled{bundle=\"newborn\",by=\"hub\"} 90.0")
                .contains("hub_kpi_fields_filled{bundle=\"newborn\",by=\"applicant\"} 22.0");
    }

    @Test
    void aCountNoLongerReportedIsZeroNotADroppedSeries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GaugeFamily items = new GaugeFamily("hub.items", "items", registry);

        items.update(java.util.Map.of(Tags.of("status", "PARKED"), 3, Tags.of("status", "DELIVERED"), 5));
        items.update(java.util.Map.of(Tags.of("status", "DELIVERED"), 8));

        assertThat(registry.get("hub.items").tags("status", "PARKED").gauge().value()).isZero();
        assertThat(registry.get("hub.items").tags("status", "DELIVERED").gauge().value()).isEqualTo(8);
    }
}
