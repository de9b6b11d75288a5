package gov.onceonly.hub.health;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The last successful and the last failed call of each connector in this instance, for its health. */
public final class ConnectorActivity {

    /** A connector's last outcomes; any of them may be null. */
    public record Last(Instant success, Instant failure, String failureReason) {
    }

    private final ConcurrentMap<String, Last> last = new ConcurrentHashMap<>();

    public void succeeded(String connector, Instant at) {
        last.merge(connector, new Last(at, null, null), (old, now) -> new Last(at, old.failure(), old.failureReason()));
    }

    public void failed(String connector, Instant at, String reason) {
        last.merge(connector, new Last(null, at, reason), (old, now) -> new Last(old.success(), at, reason));
    }

    public Optional<Last> of(String connector) {
        return Optional.ofNullable(last.get(connector));
    }
}
