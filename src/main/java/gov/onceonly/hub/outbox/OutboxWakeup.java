package gov.onceonly.hub.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the relay as soon as a transaction that appended to the outbox has committed, instead of leaving the row
 * for the next poll: every stage hand-off waited half a poll period on average (two hand-offs per application),
 * which was most of an application's time in the hub. Signals coalesce: commits that arrive while the relay runs
 * make it run once more, not once each. The scheduled poll stays as the fallback for what no signal announces
 * (rows left by a crash, rows committed by another instance, a relay run that failed).
 */
public class OutboxWakeup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxWakeup.class);

    private final Runnable relay;
    private final Executor executor;
    /** Commits signalled since the running relay began; 0 when no run is queued or running. */
    private final AtomicInteger signals = new AtomicInteger();
    private volatile boolean closed;

    /** {@code executor} runs the relay: never the committing thread, and nothing of its own to start or stop. */
    public OutboxWakeup(Runnable relay, Executor executor) {
        this.relay = relay;
        this.executor = executor;
    }

    /** Called after a commit: the relay runs soon on the executor, once for all the commits that arrive meanwhile. */
    public void committed() {
        if (closed || signals.getAndIncrement() != 0) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            // The hub is stopping: the rows stay in the outbox for the next start's poll.
            closed = true;
        }
    }

    private void drain() {
        int seen;
        do {
            seen = signals.get();
            if (closed) {
                return;
            }
            try {
                relay.run();
            } catch (RuntimeException e) {
                // The scheduled poll publishes what this run could not; the row stays in the outbox until then.
                log.debug("Outbox relay on commit failed, the poll will retry: {}", e.toString());
            }
        } while (!signals.compareAndSet(seen, 0));
    }

    @Override
    public void close() {
        closed = true;
    }
}
