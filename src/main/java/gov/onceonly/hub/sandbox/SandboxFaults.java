package gov.onceonly.hub.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults a simulated department shows on request, for failure tests and the soak script: answer with an
 * error status, or be slow (the request waits, then is processed and answered, as an overloaded system does,
 * so a caller that timed out meanwhile will send it again), or flood (an answer that never ends, as a broken or
 * hostile system might send), for the next N requests or until cleared.
 */
public final class SandboxFaults {

    /** One planned misbehaviour: an error status (the request is not processed), a delay before answering, or a flood. */
    public record Fault(int status, long delayMillis, boolean flood) {

        public boolean isDelay() {
            return delayMillis > 0;
        }
    }

    private record Planned(Fault fault, AtomicInteger remaining) {
    }

    private static final int FOREVER = Integer.MAX_VALUE;

    private final Map<String, Planned> planned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> shown = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> flooded = new ConcurrentHashMap<>();

    /** The next {@code count} requests to the system answer {@code status} without being processed. */
    public void fail(String system, int status, int count) {
        planned.put(system, new Planned(new Fault(status, 0, false), new AtomicInteger(count)));
    }

    /** Every request answers {@code status} until {@link #clear}. */
    public void down(String system, int status) {
        fail(system, status, FOREVER);
    }

    /** The next {@code count} requests wait {@code millis} before they are processed and answered. */
    public void delay(String system, long millis, int count) {
        planned.put(system, new Planned(new Fault(200, millis, false), new AtomicInteger(count)));
    }

    /** The next {@code count} requests are answered {@code status} with a body that does not end until the caller hangs up. */
    public void flood(String system, int status, int count) {
        planned.put(system, new Planned(new Fault(status, 0, true), new AtomicInteger(count)));
    }

    /** How many bytes of flood the system managed to send (the caller's socket buffers included). */
    public long flooded(String system) {
        AtomicLong n = flooded.get(system);
        return n == null ? 0 : n.get();
    }

    void countFlood(String system, long bytes) {
        flooded.computeIfAbsent(system, s -> new AtomicLong()).addAndGet(bytes);
    }

    public void clear(String system) {
        planned.remove(system);
    }

    /** How many faults the system has shown so far. */
    public int shown(String system) {
        AtomicInteger n = shown.get(system);
        return n == null ? 0 : n.get();
    }

    Optional<Fault> next(String system) {
        Planned p = planned.get(system);
        if (p == null) {
            return Optional.empty();
        }
        int left = p.remaining().getAndUpdate(n -> n == FOREVER || n <= 0 ? n : n - 1);
        if (left <= 0) {
            planned.remove(system, p);
            return Optional.empty();
        }
        shown.computeIfAbsent(system, s -> new AtomicInteger()).incrementAndGet();
        return Optional.of(p.fault());
    }
}
