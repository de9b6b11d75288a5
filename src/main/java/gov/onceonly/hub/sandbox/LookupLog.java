package gov.onceonly.hub.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often a simulated source was asked about each key, as a department's access log would show, and the W3C
 * trace each call of a system came with (none: {@code "-"}).
 */
public final class LookupLog {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> traces = new ConcurrentHashMap<>();

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
