package gov.onceonly.hub.api;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers every API request with the W3C {@code traceparent} of the hub's span of it (Spring's server observation, in
 * the channel's trace if it sent one), written by the tracer's propagator, so that a channel can quote the trace. Runs
 * inside the observation's scope (config/TracingConfiguration orders it after Spring's filter).
 */
public class TraceparentResponseFilter extends OncePerRequestFilter {

    public static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceparentResponseFilter(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Span span = tracer.currentSpan();
        if (span != null) {
            propagator.inject(span.context(), response, (answer, name, value) -> {
                if (HEADER.equals(name)) {
                    answer.setHeader(name, value);
                }
            });
        }
        chain.doFilter(request, response);
    }
}
