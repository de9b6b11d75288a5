package gov.onceonly.hub.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per registered client (OWASP API4): {@code requestsPerSecond} sustained, {@code burst} at once.
 * Kept per hub instance, so N instances behind a balancer allow up to N times the rate; the limit is there to
 * stop a runaway client, not to meter one.
 */
public final class ClientRateLimits {

    private static final class Bucket {
        double tokens;
        long refilledAtNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAtNanos = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public ClientRateLimits() {
        this(System::nanoTime);
    }

    ClientRateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** 0 if the client may go on now, else the seconds to wait before the next request is allowed. */
    public long secondsToWait(RegisteredClient client) {
        Bucket bucket = buckets.computeIfAbsent(client.key(), key -> new Bucket(client.burst(), nanoTime.getAsLong()));
        synchronized (bucket) {
            // Read under the lock, and never backwards: a time read before another request's refill (a thread
            // descheduled between the two on a busy machine) would otherwise take tokens away, refusing good requests.
            long now = Math.max(nanoTime.getAsLong(), bucket.refilledAtNanos);
            double elapsed = (now - bucket.refilledAtNanos) / 1e9;
            bucket.tokens = Math.min(client.burst(), bucket.tokens + elapsed * client.requestsPerSecond());
            bucket.refilledAtNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / client.requestsPerSecond()));
        }
    }
}
