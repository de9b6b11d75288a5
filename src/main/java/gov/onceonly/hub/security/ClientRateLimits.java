package gov.onceonly.hub.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets (OWASP API4): one per registered client ({@code requestsPerSecond} sustained, {@code burst} at once),
 * and one per remote address for what comes before a client is known. Kept per hub instance, so N instances behind
 * a balancer allow up to N times the rate; the limits are there to stop a runaway or hostile caller, not to meter one.
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

    private static final int MAX_BUCKETS = 10_000;
    private static final long IDLE_NANOS = 600_000_000_000L;
    private static final long PRUNE_EVERY_NANOS = 60_000_000_000L;
    private volatile long nextPruneNanos;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public ClientRateLimits() {
        this(System::nanoTime);
    }

    ClientRateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextPruneNanos = nanoTime.getAsLong();
    }

    /** 0 if the client may go on now, else the seconds to wait before the next request is allowed. */
    public long secondsToWait(RegisteredClient client) {
        return secondsToWait("client:" + client.key(), client.requestsPerSecond(), client.burst());
    }

    /** As {@link #secondsToWait(RegisteredClient)}, for any caller named by {@code key} (an address). */
    public long secondsToWait(String key, double requestsPerSecond, int burst) {
        long at = nanoTime.getAsLong();
        if (buckets.size() > MAX_BUCKETS && at - nextPruneNanos >= 0) {
            // Addresses come and go: buckets idle long enough to be full again are dropped (a new one starts full).
            // At most once a minute, so that a map kept full by many callers is not scanned on every request.
            nextPruneNanos = at + PRUNE_EVERY_NANOS;
            long idleSince = at - IDLE_NANOS;
            buckets.values().removeIf(b -> b.refilledAtNanos < idleSince);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, at));
        synchronized (bucket) {
            // Read under the lock, and never backwards: a time read before another request's refill (a thread
            // descheduled between the two on a busy machine) would otherwise take tokens away, refusing good requests.
            long now = Math.max(nanoTime.getAsLong(), bucket.refilledAtNanos);
            double elapsed = (now - bucket.refilledAtNanos) / 1e9;
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * requestsPerSecond);
            bucket.refilledAtNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / requestsPerSecond));
        }
    }
}
