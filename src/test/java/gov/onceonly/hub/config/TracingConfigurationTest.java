package gov.onceonly.hub.config;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How much is recorded: nothing without an exporter, the configured share of new traces with one. */
class TracingConfigurationTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void withoutAnExporterNoSpanIsRecorded() {
        Sampler sampler = sampler(null, new MockEnvironment());
        assertThat(decision(sampler)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void withAnExporterEveryNewTraceIsRecordedUnlessConfiguredOtherwise() {
        assertThat(decision(sampler(InMemorySpanExporter.create(), new MockEnvironment())))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(sampler(InMemorySpanExporter.create(),
                new MockEnvironment().withProperty("management.tracing.sampling.probability", "0"))))
                .isEqualTo(SamplingDecision.DROP);
    }

    private static Sampler sampler(SpanExporter exporter, MockEnvironment env) {
        StaticApplicationContext context = new StaticApplicationContext();
        if (exporter != null) {
            context.getBeanFactory().registerSingleton("exporter", exporter);
        }
        return new TracingConfiguration().otelSampler(context.getBeanProvider(SpanExporter.class), env);
    }

    private static SamplingDecision decision(Sampler sampler) {
        return sampler.shouldSample(Context.root(), TRACE, "collect", SpanKind.INTERNAL,
                io.opentelemetry.api.common.Attributes.empty(), List.of()).getDecision();
    }
}
