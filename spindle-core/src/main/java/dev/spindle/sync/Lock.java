package dev.spindle.sync;

import dev.spindle.internal.waits.Waits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A mutual-exclusion lock of threads or processes (Python's {@code threading.Lock} and
 * {@code multiprocessing.Lock}), with the whole {@link java.util.concurrent.locks.Lock} contract
 * and Python's names beside it. Made by {@link dev.spindle.Context#lock()}; a lock of a process
 * context can be passed to child processes and pool tasks wherever Spindle sends values, and every
 * copy is the same lock.
 *
 * <p>Not reentrant: a thread that holds it and locks it again waits for ever (as in Python). Any
 * thread — of any process sharing it — may release it, not only the one that locked it;
 * {@link RLock} is the reentrant lock with an owner.
 *
 * <p>Beyond CPython: when the process holding a cross-process lock dies, the next acquirer gets
 * it (within about 20 ms of the death) and {@link #ownerDied()} tells it so, so that it can check
 * and repair what the lock guards.
 *
 * <p>Memory consistency: actions before a release (in any thread or process sharing the lock)
 * happen-before actions after the next successful acquire; for objects in different JVMs this
 * means what the processes share (shared memory), not their heaps.
 */
public interface Lock extends java.util.concurrent.locks.Lock {
    /**
     * Waits for the lock (Python's {@code acquire()}); unlike {@link #lock()}, an interrupt ends
     * the wait.
     *
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    default void acquire() throws InterruptedException {
        lockInterruptibly();
    }

    /**
     * Python's {@code acquire(blocking)}: waits for the lock if {@code blocking}, else takes it only
     * if it is free now.
     *
     * @return whether this thread now holds the lock
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    default boolean acquire(boolean blocking) throws InterruptedException {
        if (!blocking) {
            return tryLock();
        }
        lockInterruptibly();
        return true;
    }

    /**
     * Python's {@code acquire(timeout=…)}: waits at most {@code timeout} (zero or negative: no wait).
     *
     * @return whether this thread now holds the lock
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    default boolean acquire(Duration timeout) throws InterruptedException {
        return tryLock(Waits.nanos(timeout), TimeUnit.NANOSECONDS);
    }

    /**
     * Releases the lock (Python's {@code release()}).
     *
     * @throws IllegalMonitorStateException if it is not held (an {@link RLock}: not held by this thread)
     */
    default void release() {
        unlock();
    }

    /** {@link #lock()}, and a hold whose {@code close()} releases: {@code try (var _ = lock.hold()) { … }}. */
    default Held hold() {
        lock();
        return this::unlock;
    }

    /**
     * A new {@link Condition} waiting with this lock (Python's {@code Condition(lock)}); of the
     * same context as the lock.
     */
    @Override
    Condition newCondition();

    /** Whether some thread (of any process sharing the lock) holds it (Python's {@code locked()}). */
    boolean isLocked();

    /**
     * Whether the present hold was taken over from a process that died holding the lock: what the
     * lock guards may be half-updated and should be checked or repaired before use. Reset by the
     * next release. Always false for a lock of a thread context: a thread that ends holding one
     * leaves it held, as in Python and {@code java.util.concurrent}.
     */
    boolean ownerDied();
}
