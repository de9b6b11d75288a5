package gov.onceonly.hub.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How often a simulated source was asked about each key, as a department's access log would show. */
public final class LookupLog {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void record(String system, String key) {
        counts.computeIfAbsent(system + "|" + key, k -> new AtomicInteger()).incrementAndGet();
    }

    public int count(String system, String key) {
        AtomicInteger n = counts.get(system + "|" + key);
        return n == null ? 0 : n.get();
    }
}
