package gov.onceonly.hub.sandbox;

import com.sun.net.httpserver.HttpExchange;
import gov.onceonly.hub.security.HubCallVerifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often a simulated source was asked about each key, as a department's access log would show, the W3C
 * trace each call of a system came with (none: {@code "-"}), and whether the call carried the hub's signature,
 * checked as a department would, with the hub's public key; a call that is not the hub's is refused.
 */
public final class LookupLog {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> traces = new ConcurrentHashMap<>();
    private static final int KEPT_CALLS = 10_000;
    private final Map<String, Deque<SignedCall>> signedCalls = new ConcurrentHashMap<>();
    private volatile HubCallVerifier hubCalls;

    void expectHub(String keyId, PublicKey key) {
        hubCalls = new HubCallVerifier(Map.of(keyId, key), Clock.systemUTC(), Duration.ofMinutes(5));
    }

    /**
     * Checks, as a department would, that the call is the hub's (RFC 9421, the hub's public key): its reason when it
     * is not. Reads the body (and puts it back for the system's own handler) to check its digest.
     */
    Optional<String> checkSignature(String system, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.setStreams(new ByteArrayInputStream(body), null);
        var headers = exchange.getRequestHeaders();
        URI uri = exchange.getRequestURI();
        String target = "http://" + headers.getFirst("Host") + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HubCallVerifier verifier = hubCalls;
        Optional<String> refusal = verifier == null ? Optional.of("the sandbox knows no hub key")
                : verifier.refusal(exchange.getRequestMethod(), target, body, headers::getFirst);
        Deque<SignedCall> calls = signedCalls.computeIfAbsent(system, k -> new ConcurrentLinkedDeque<>());
        calls.add(new SignedCall(headers.getFirst("traceparent"), refusal.isEmpty()));
        if (calls.size() > KEPT_CALLS) {
            calls.pollFirst(); // a soak run calls for hours; the tests look at the last ones
        }
        return refusal;
    }

    /** One call of a system: its trace, and whether the hub's signature verified. */
    public record SignedCall(String traceparent, boolean signedByHub) {
    }

    public List<SignedCall> signedCalls(String system) {
        Deque<SignedCall> calls = signedCalls.get(system);
        return calls == null ? List.of() : List.copyOf(calls);
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
