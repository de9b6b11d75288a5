package gov.onceonly.hub.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A health indicator answered from the last result of a check run in the background ({@link #refresh}, on
 * config/OperationsConfiguration's schedule), so that a probe never waits on a slow dependency: a database whose pool
 * is busy, a broker that takes seconds to answer. Before the first check it is OUT_OF_SERVICE; a result older than
 * {@code maxAge} is DOWN, since the check itself is then stuck.
 */
public final class BackgroundHealth implements HealthIndicator {

    private record Result(Health health, Instant at) {
    }

    private final HealthIndicator check;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Result last;

    public BackgroundHealth(HealthIndicator check, Duration maxAge, Clock clock) {
        this.check = check;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Runs the check once and keeps its result; a check that throws is DOWN. */
    public void refresh() {
        Health health;
        try {
            health = check.health();
        } catch (RuntimeException e) {
            health = Health.down().withDetail("problem", e.getClass().getSimpleName()).build();
        }
        last = new Result(health, clock.instant());
    }

    @Override
    public Health health() {
        Result result = last;
        if (result == null) {
            return Health.status(Status.OUT_OF_SERVICE).withDetail("problem", "not checked yet").build();
        }
        Duration age = Duration.between(result.at(), clock.instant());
        if (age.compareTo(maxAge) > 0) {
            return Health.down().withDetail("problem", "the last check is " + age.toSeconds() + " s old")
                    .withDetail("checkedAt", result.at().toString()).build();
        }
        return Health.status(result.health().getStatus()).withDetails(result.health().getDetails())
                .withDetail("checkedAt", result.at().toString()).build();
    }
}
