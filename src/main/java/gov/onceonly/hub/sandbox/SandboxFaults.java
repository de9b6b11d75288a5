package gov.onceonly.hub.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a simulated department shows on request, for failure tests and the soak script: answer with an
 * error status, or be slow (the request waits, then is processed and answered, as an overloaded system does,
 * so a caller that timed out meanwhile will send it again), for the next N requests or until cleared.
 */
public final class SandboxFaults {

    /** One planned misbehaviour: an error status (the request is not processed), or a delay before answering. */
    public record Fault(int status, long delayMillis) {

        public boolean isDelay() {
            return delayMillis > 0;
        }
    }

    private record Planned(Fault fault, AtomicInteger remaining) {
    }

    private static final int FOREVER = Integer.MAX_VALUE;

    private final Map<String, Planned> planned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> shown = new ConcurrentHashMap<>();

    /** The next {@code count} requests to the system answer {@code status} without being processed. */
    public void fail(String system, int status, int count) {
        planned.put(system, new Planned(new Fault(status, 0), new AtomicInteger(count)));
    }

    /** Every request answers {@code status} until {@link #clear}. */
    public void down(String system, int status) {
        fail(system, status, FOREVER);
    }

    /** The next {@code count} requests wait {@code millis} before they are processed and answered. */
    public void delay(String system, long millis, int count) {
        planned.put(system, new Planned(new Fault(200, millis), new AtomicInteger(count)));
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
