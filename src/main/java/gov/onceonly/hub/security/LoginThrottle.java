package gov.onceonly.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins (form or HTTP Basic), counted per account name and per address over a window: past the limit, both
 * are refused until the oldest failure leaves the window, a right password included, so that guessing costs hours
 * instead of seconds. Per hub instance, like the rate limits.
 */
public final class LoginThrottle {

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (account != null) {
            add("account:" + account, now);
        }
        if (address != null) {
            add("address:" + address, now);
        }
    }

    /** Zero when a login may be tried now; else how long until it may. */
    public Duration blockedFor(String account, String address) {
        Duration byAccount = account == null ? Duration.ZERO : blockedFor("account:" + account, perAccount);
        Duration byAddress = address == null ? Duration.ZERO : blockedFor("address:" + address, perAddress);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            forgetOld(times, now);
        }
        if (failures.size() > 10_000) {
            failures.values().removeIf(t -> {
                synchronized (t) {
                    forgetOld(t, now);
                    return t.isEmpty();
                }
            });
        }
    }

    private Duration blockedFor(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            Instant now = clock.instant();
            forgetOld(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            // Blocked until enough failures have aged out to bring the count under the limit.
            Instant freeAt = times.stream().skip(times.size() - limit).findFirst().orElseThrow().plus(window);
            return Duration.between(now, freeAt).isNegative() ? Duration.ZERO : Duration.between(now, freeAt);
        }
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.pollFirst();
        }
    }
}
