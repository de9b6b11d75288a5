package gov.onceonly.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a unit test moves by hand (UTC), for what counts time: windows, throttles, stale results. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MutableClock(String start) {
        this.now = new AtomicReference<>(Instant.parse(start));
    }

    public void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
