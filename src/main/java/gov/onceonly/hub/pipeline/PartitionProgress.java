package gov.onceonly.hub.pipeline;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which records of one partition are done, when they finish out of order. The offset to commit is the first record
 * that is not done yet: every record before it has its effects in PostgreSQL, so a crash re-reads only records that
 * may not be done, never skips one. Used by the consumer's thread only.
 */
final class PartitionProgress {

    private final ArrayDeque<Long> started = new ArrayDeque<>();
    private final Set<Long> done = new HashSet<>();
    private long next = -1;
    private long committed = -1;

    /** A record handed to a worker; offsets arrive in increasing order. */
    void started(long offset) {
        if (next < 0) {
            // Where the group's position already is: nothing to commit until a record is done.
            next = offset;
            committed = offset;
        }
        started.addLast(offset);
    }

    void done(long offset) {
        done.add(offset);
        while (!started.isEmpty() && done.remove(started.peekFirst())) {
            next = started.pollFirst() + 1;
        }
        if (!started.isEmpty()) {
            next = started.peekFirst();
        }
    }

    /** The offset to commit (the next record to read after a restart), if it moved since the last commit. */
    OptionalLong toCommit() {
        return next > committed ? OptionalLong.of(next) : OptionalLong.empty();
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** Records handed out and not done yet. */
    int inFlight() {
        return started.size();
    }
}
