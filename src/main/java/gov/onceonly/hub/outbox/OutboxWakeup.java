package gov.onceonly.hub.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Semaphore;

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
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean closed;
    private Thread worker;

    public OutboxWakeup(Runnable relay) {
        this.relay = relay;
    }

    /** Called after a commit: the relay runs soon on its own thread, never on the committing one. */
    public void committed() {
        if (closed) {
            return;
        }
        startOnce();
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Started on the first commit, so nothing is relayed before the hub takes work (its topics exist by then). */
    private synchronized void startOnce() {
        if (worker == null && !closed) {
            worker = new Thread(this::loop, "outbox-relay-wakeup");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                signal.acquire();
                signal.drainPermits();
                relay.run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The scheduled poll publishes what this run could not; the row stays in the outbox until then.
                log.debug("Outbox relay on commit failed, the poll will retry: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (worker != null) {
            worker.interrupt();
        }
    }
}
