package dev.spindle.asyncio;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** What {@link Asyncio#wait} returns: Python's {@code (done, pending)}, each in the order the futures were given. */
public record DoneAndPending<F extends Future<?>>(Set<F> done, Set<F> pending) {
    public DoneAndPending {
        done = Collections.unmodifiableSet(new LinkedHashSet<>(done));
        pending = Collections.unmodifiableSet(new LinkedHashSet<>(pending));
    }
}
