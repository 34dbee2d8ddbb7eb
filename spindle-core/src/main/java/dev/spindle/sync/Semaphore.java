package dev.spindle.sync;

import dev.spindle.internal.waits.Waits;
import dev.spindle.internal.waits.Uninterruptibly;
import java.time.Duration;

/**
 * A counting semaphore of threads or processes (Python's {@code threading.Semaphore} and
 * {@code BoundedSemaphore}, {@code multiprocessing.Semaphore} and {@code BoundedSemaphore}):
 * {@link #acquire()} takes a permit, waiting while there is none; {@link #release()} returns one,
 * and any thread (of any process sharing it) may release, whether or not it acquired. Made by
 * {@link dev.spindle.Context#semaphore(int)} and {@link dev.spindle.Context#boundedSemaphore(int)};
 * a semaphore of a process context travels to child processes and pool tasks as a lock does.
 *
 * <p>A bounded semaphore refuses a release that would take it above its initial value
 * ({@link IllegalStateException}, Python's {@code ValueError}), which catches a release too many.
 *
 * <p>Beyond CPython: the permits a process still held when it died go back to a cross-process
 * semaphore (within about 20 ms of the death, when someone waits for a permit). A process holds
 * the permits it acquired and has not released itself; what is returned never takes the count
 * above the initial value, so a semaphore used to signal (started at 0, released by one process,
 * acquired by another) gets nothing back when its consumer dies. Threads of a thread context
 * that end holding permits keep them, as in Python and {@code java.util.concurrent}.
 *
 * <p>Memory consistency: actions before a release happen-before actions after an acquire that
 * takes a permit it returned (in any process sharing the semaphore, for what they share).
 */
public interface Semaphore {
    /**
     * Takes a permit, waiting while there is none (Python's {@code acquire()}).
     *
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    default void acquire() throws InterruptedException {
        acquire(Waits.FOREVER);
    }

    /**
     * Python's {@code acquire(blocking)}: waits for a permit if {@code blocking}, else takes one
     * only if one is available now.
     *
     * @return whether a permit was taken
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    default boolean acquire(boolean blocking) throws InterruptedException {
        if (!blocking) {
            return tryAcquire();
        }
        acquire();
        return true;
    }

    /**
     * Python's {@code acquire(timeout=…)}: waits at most {@code timeout} for a permit (zero or
     * negative: no wait).
     *
     * @return whether a permit was taken
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    boolean acquire(Duration timeout) throws InterruptedException;

    /** Takes a permit if one is available now, without waiting. */
    boolean tryAcquire();

    /**
     * Returns a permit (Python's {@code release()}), waking a waiter.
     *
     * @throws IllegalStateException if the semaphore is bounded and already at its initial value
     */
    default void release() {
        release(1);
    }

    /**
     * Returns {@code n} permits (Python's {@code release(n)}), waking as many waiters.
     *
     * @throws IllegalArgumentException if {@code n} is less than 1
     * @throws IllegalStateException if the semaphore is bounded and this would take it above its
     *         initial value (then nothing is released)
     */
    void release(int n);

    /** The permits available now (a snapshot: others may take or return some at any moment). */
    int availablePermits();

    /**
     * Waits for a permit, uninterruptibly, and returns a hold whose {@code close()} releases it:
     * {@code try (var _ = semaphore.hold()) { … }} (Python's {@code with semaphore:}).
     */
    default Held hold() {
        Uninterruptibly.await(this::acquire);
        return this::release;
    }
}
