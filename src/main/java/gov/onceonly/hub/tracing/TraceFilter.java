package gov.onceonly.hub.tracing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Joins the caller's trace (its {@code traceparent}) or starts one, for every API request: the hub's span is put
 * in the log's MDC ({@code traceId}, {@code spanId}), in a request attribute for the controllers, and in the
 * response's {@code traceparent}, so a channel can quote it.
 */
public final class TraceFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = "gov.onceonly.hub.tracing.TraceParent";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceParent span = TraceParent.parse(request.getHeader(TraceParent.HEADER)).map(TraceParent::child)
                .orElseGet(TraceParent::newTrace);
        request.setAttribute(ATTRIBUTE, span);
        response.setHeader(TraceParent.HEADER, span.header());
        TraceLogging.put(span);
        try {
            chain.doFilter(request, response);
        } finally {
            TraceLogging.clear();
        }
    }
}
