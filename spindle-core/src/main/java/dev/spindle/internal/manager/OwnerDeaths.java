package dev.spindle.internal.manager;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The managed locks a dead client held and its session gave up: for each, the next holder's
 * {@code ownerDied()} answers true until it releases the lock, as a cross-process lock's does when
 * its owner dies (what it guards may be half-updated). The manager's locks are its threads' locks,
 * which know nothing of processes, so the manager keeps this for them.
 */
final class OwnerDeaths {
    private final Set<Object> given = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** {@code lock} is being given up for a client that died holding it. */
    void mark(Object lock) {
        given.add(lock);
    }

    /** Whether the present hold of {@code lock} was given up by a client that died. */
    boolean marked(Object lock) {
        return given.contains(lock);
    }

    /** {@code lock} was released by its holder. */
    void released(Object lock) {
        given.remove(lock);
    }
}
