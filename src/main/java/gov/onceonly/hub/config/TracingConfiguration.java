package gov.onceonly.hub.config;

import gov.onceonly.hub.api.TraceparentResponseFilter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.camel.CamelContext;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Tracing: Micrometer Tracing over OpenTelemetry (Spring Boot's auto-configuration makes the tracer, the W3C
 * propagator, the log correlation and, once {@code management.otlp.tracing.endpoint} is set, the OTLP exporter). Here:
 * how much is recorded, Camel's observation of the department calls, and the traceparent of the API's answers.
 * The hub's own spans are made where the work is (intake's by Spring's server observation; {@code process <topic>},
 * {@code collect}, {@code map}, {@code dispatch} in the pipeline; {@code fetch}/{@code push} in
 * connector/DepartmentCalls; {@code publish <topic>} in outbox/OutboxRelay). docs/operations.md, "Tracing and logs".
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /**
     * With an exporter (OTLP, or a test's), {@code management.tracing.sampling.probability} of the traces the hub
     * starts are recorded (1.0 in application.properties) and a caller's decision is followed. Without one nothing
     * would receive a recorded span, so none is recorded: the trace and span ids still reach the logs and the W3C
     * headers (unsampled), and no span is built, queued or batched for nobody.
     */
    @Bean
    Sampler otelSampler(ObjectProvider<SpanExporter> exporters, Environment env) {
        if (exporters.orderedStream().findAny().isEmpty()) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(Sampler.traceIdRatioBased(
                env.getProperty("management.tracing.sampling.probability", Double.class, 1.0)));
    }

    /**
     * Camel's routes traced through Micrometer's Observation API (camel-observation): each send to an http, Kafka or
     * JDBC endpoint is a span of the caller's trace, and the http and Kafka components carry its W3C traceparent to
     * the department. Routes matching {@code camel.observation.exclude-patterns} are not traced: the schedulers'
     * polls would each start a trace of nothing, and a {@code direct:} connector route is already the
     * {@code fetch}/{@code push} span of DepartmentCalls. Its observations go to a registry of their own, which only
     * traces: Spring Boot's would also make a timer of every Camel operation name (CAMEL-22349). Camel's starter
     * configures none of this next to the actuator, so it is wired here; Camel starts and stops it.
     */
    @Bean(initMethod = "", destroyMethod = "")
    MicrometerObservationTracer camelObservation(CamelContext camel, Tracer tracer, Propagator propagator, Environment env) {
        ObservationRegistry spansOnly = ObservationRegistry.create();
        spansOnly.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
        MicrometerObservationTracer observation = new MicrometerObservationTracer();
        observation.setTracer(tracer);
        observation.setObservationRegistry(spansOnly);
        observation.setExcludePatterns(env.getProperty("camel.observation.exclude-patterns"));
        observation.init(camel);
        return observation;
    }

    /** After Spring's server observation filter (HIGHEST_PRECEDENCE + 1), inside its span. */
    @Bean
    FilterRegistrationBean<TraceparentResponseFilter> traceparentResponseFilter(Tracer tracer, Propagator propagator) {
        FilterRegistrationBean<TraceparentResponseFilter> registration =
                new FilterRegistrationBean<>(new TraceparentResponseFilter(tracer, propagator));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
