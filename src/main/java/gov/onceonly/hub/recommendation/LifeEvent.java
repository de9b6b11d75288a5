package gov.onceonly.hub.recommendation;

import java.time.LocalDate;

/** One application in a subject's archive, as the ranking sees it: its bundle, its day, and how far it went. */
public record LifeEvent(String bundle, LocalDate on, State state) {

    /** Completed (every item decided), still open (with the departments), or ended otherwise (rejected, withdrawn). */
    public enum State { COMPLETED, OPEN, ENDED }

    public boolean completed() {
        return state == State.COMPLETED;
    }
}
