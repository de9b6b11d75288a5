package gov.onceonly.hub.sandbox;

import com.sun.net.httpserver.HttpExchange;
import gov.onceonly.hub.security.RequestSignature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often a simulated source was asked about each key, as a department's access log would show, the W3C
 * trace each call of a system came with (none: {@code "-"}), and whether the call carried the hub's signature,
 * checked as a department would, with the hub's secret.
 */
public final class LookupLog {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> traces = new ConcurrentHashMap<>();
    private final Map<String, List<SignedCall>> signedCalls = new ConcurrentHashMap<>();
    private volatile byte[] hubSecret;

    void expectHubSecret(String secret) {
        hubSecret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the body (and puts it back for the system's own handler) to check the signature over it. */
    void checkSignature(String system, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.setStreams(new ByteArrayInputStream(body), null);
        var headers = exchange.getRequestHeaders();
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        boolean valid = hubSecret != null && headers.getFirst(RequestSignature.TIMESTAMP) != null
                && headers.getFirst(RequestSignature.NONCE) != null
                && RequestSignature.matches(hubSecret, RequestSignature.canonical(exchange.getRequestMethod(), path,
                        headers.getFirst(RequestSignature.TIMESTAMP), headers.getFirst(RequestSignature.NONCE), body),
                        headers.getFirst(RequestSignature.SIGNATURE));
        signedCalls.computeIfAbsent(system, k -> new CopyOnWriteArrayList<>())
                .add(new SignedCall(headers.getFirst("traceparent"), valid));
    }

    /** One call of a system: its trace, and whether the hub's signature verified. */
    public record SignedCall(String traceparent, boolean signedByHub) {
    }

    public List<SignedCall> signedCalls(String system) {
        return List.copyOf(signedCalls.getOrDefault(system, List.of()));
    }

    void traced(String system, String traceparent) {
        traces.computeIfAbsent(system, k -> new CopyOnWriteArrayList<>()).add(traceparent == null ? "-" : traceparent);
    }

    public List<String> traceparents(String system) {
        return List.copyOf(traces.getOrDefault(system, List.of()));
    }

    void record(String system, String key) {
        counts.computeIfAbsent(system + "|" + key, k -> new AtomicInteger()).incrementAndGet();
    }

    public int count(String system, String key) {
        AtomicInteger n = counts.get(system + "|" + key);
        return n == null ? 0 : n.get();
    }
}
