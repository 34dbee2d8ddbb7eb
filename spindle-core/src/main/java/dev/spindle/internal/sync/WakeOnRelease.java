package dev.spindle.internal.sync;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Threads a local lock unparks when it is next released: the parked waiters a condition signalled
 * while the lock was held. Unparked at the signal, such a waiter would only wake to find the lock
 * taken and park again on it (two sleeps and wake-ups per hand-off, where
 * {@code java.util.concurrent}'s condition, which moves the waiter to the lock's queue, has one);
 * unparked at the release, it wakes once, to a free lock.
 */
final class WakeOnRelease {
    private final ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();

    /**
     * Unparks {@code thread} at the next release of the lock, or at once if {@code held} says,
     * once it is added, that the lock is free (it may have been released just before, with no
     * release left to come).
     */
    void add(Thread thread, BooleanSupplier held) {
        threads.add(thread);
        if (!held.getAsBoolean()) {
            released();
        }
    }

    /** The lock was released: unparks every thread added. Costs one read when there is none. */
    void released() {
        for (Thread thread; (thread = threads.poll()) != null; ) {
            LockSupport.unpark(thread);
        }
    }
}
