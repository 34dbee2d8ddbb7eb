package dev.spindle.futures;

import java.util.Set;
import java.util.concurrent.Future;

/**
 * What {@link Futures#wait} returns (Python's {@code DoneAndNotDoneFutures}): the futures that had
 * finished (or were cancelled) when it returned, and the others. Both sets are unmodifiable.
 */
public record DoneAndNotDone<F extends Future<?>>(Set<F> done, Set<F> notDone) {
    /** Copies both sets. */
    public DoneAndNotDone {
        done = Set.copyOf(done);
        notDone = Set.copyOf(notDone);
    }
}
