package gov.onceonly.hub.bench;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells when an application is complete: when the bench targets have answered a push for each of its items
 * (the system under test records DELIVERED right after). A push can arrive before the 202 that names the
 * application reaches the load driver, so either side may come first.
 */
final class DeliveryWatch {

    private static final class Tracked {
        final Set<String> items = ConcurrentHashMap.newKeySet();
        final CompletableFuture<Long> done = new CompletableFuture<>();
        volatile int expected = -1;
        volatile long lastNanos;
    }

    private final ConcurrentHashMap<String, Tracked> applications = new ConcurrentHashMap<>();

    /** Completes with the {@link System#nanoTime()} of the last item's push once all {@code items} are in. */
    CompletableFuture<Long> expect(String applicationId, int items) {
        Tracked tracked = applications.computeIfAbsent(applicationId, id -> new Tracked());
        tracked.expected = items;
        check(tracked);
        return tracked.done.whenComplete((t, e) -> applications.remove(applicationId));
    }

    void delivered(String applicationId, String item, long nanos) {
        Tracked tracked = applications.computeIfAbsent(applicationId, id -> new Tracked());
        synchronized (tracked) {
            if (tracked.items.add(item)) {
                tracked.lastNanos = Math.max(tracked.lastNanos, nanos);
            }
        }
        check(tracked);
    }

    private static void check(Tracked tracked) {
        synchronized (tracked) {
            if (tracked.expected > 0 && tracked.items.size() >= tracked.expected) {
                tracked.done.complete(tracked.lastNanos);
            }
        }
    }

    /** Forgets what no run waits for any more (pushes of a warm-up). */
    void reset() {
        applications.clear();
    }
}
