package gov.onceonly.hub.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the simulated back-office systems received, kept by Idempotency-Key as a well-behaved department
 * would: a redelivery is recognised, not recorded twice, and counted so tests can see it.
 */
public final class ApprovalInbox {

    /** One record as received, with the key it came with (null if the sender forgot it), and when it came. */
    public record Received(String system, String idempotencyKey, String body, Instant receivedAt) {
    }

    private final Map<String, Map<String, Received>> bySystem = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> duplicates = new ConcurrentHashMap<>();
    private final AtomicInteger withoutKey = new AtomicInteger();
    private final List<Consumer<Received>> onFirstReceipt = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Who hears of each record received the first time (the sandbox's systems that report their decisions). */
    void onFirstReceipt(Consumer<Received> listener) {
        onFirstReceipt.add(listener);
    }

    /** @return false when the key was seen before */
    public boolean receive(String system, String idempotencyKey, String body) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            withoutKey.incrementAndGet();
            return false;
        }
        Received received = new Received(system, idempotencyKey, body, Instant.now());
        Received previous = bySystem.computeIfAbsent(system, s -> new ConcurrentHashMap<>())
                .putIfAbsent(idempotencyKey, received);
        if (previous != null) {
            duplicates.computeIfAbsent(system, s -> new AtomicInteger()).incrementAndGet();
            return false;
        }
        onFirstReceipt.forEach(listener -> listener.accept(received));
        return true;
    }

    /** The systems that received anything. */
    public List<String> systems() {
        return List.copyOf(bySystem.keySet());
    }

    public List<Received> received(String system) {
        return List.copyOf(bySystem.getOrDefault(system, Map.of()).values());
    }

    public int duplicates(String system) {
        AtomicInteger n = duplicates.get(system);
        return n == null ? 0 : n.get();
    }

    public int withoutKey() {
        return withoutKey.get();
    }
}
