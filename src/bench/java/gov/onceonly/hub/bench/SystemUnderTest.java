package gov.onceonly.hub.bench;

import java.util.concurrent.CompletableFuture;

/** One of the systems compared: the hub, the hand-written baseline, the status quo. */
interface SystemUnderTest {

    String name();

    /** Submits an application for the bundle; completes with its id once it is accepted (the 202). */
    CompletableFuture<String> submit(String bundle);

    /** Whether {@link #submit} waits for an intake worth timing (the status quo has none). */
    default boolean hasIntake() {
        return true;
    }

    /** The process whose CPU and heap are the system's cost, or null if it runs inside the bench. */
    default Meters meters() {
        return null;
    }
}
