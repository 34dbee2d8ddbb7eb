package dev.spindle.sync;

import dev.spindle.internal.waits.Waits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A condition variable of threads or processes (Python's {@code threading.Condition} and
 * {@code multiprocessing.Condition}) over a {@link Lock} or {@link RLock}, with the whole
 * {@link java.util.concurrent.locks.Condition} contract and Python's names beside it. Made by
 * {@link dev.spindle.Context#condition(Lock)} or {@link Lock#newCondition()}; a condition of a
 * process context travels with its lock to child processes and pool tasks.
 *
 * <p>Waiting and signalling need the lock held: by the calling thread for an RLock, by any thread
 * for a Lock (as Python checks); otherwise {@link IllegalMonitorStateException}. A wait releases
 * the lock (an RLock however deep) and takes it back before it returns, even when it times out
 * or is interrupted. Signals go to the longest waiting first. Python's {@code notify(n)} is
 * {@link #signal(int)}: {@code Object}'s final {@code wait}/{@code notify} cannot carry Python's
 * meaning, so those names are not reused.
 *
 * <p>Beyond CPython: a waiter whose process dies does not swallow a signal — it goes to the next
 * waiter.
 *
 * <p>Memory consistency: as the lock's — a signaller's actions before it releases the lock
 * happen-before the woken waiter's actions after its wait returns.
 */
public interface Condition extends java.util.concurrent.locks.Condition {
    /** The lock this condition waits with. */
    Lock lock();

    /**
     * Python's {@code wait(timeout)}: waits at most {@code timeout} for a signal.
     *
     * @return false if the timeout passed first
     * @throws InterruptedException if this thread is interrupted while waiting (the lock is held again)
     */
    default boolean await(Duration timeout) throws InterruptedException {
        return await(Math.max(0, Waits.nanos(timeout)), TimeUnit.NANOSECONDS);
    }

    /** Wakes the {@code n} longest waiting threads, or all if fewer wait (Python's {@code notify(n)}). */
    void signal(int n);

    /**
     * Python's {@code wait_for(predicate, timeout)}: waits until {@code predicate} is true (checked
     * holding the lock, first before any wait), at most {@code timeout}.
     *
     * @return the predicate's last value: false if the timeout passed with it still false
     * @throws InterruptedException if this thread is interrupted while waiting (the lock is held again)
     */
    default boolean waitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        long deadline = Waits.deadlineAfter(Math.max(0, Waits.nanos(timeout)));
        boolean result = predicate.getAsBoolean();
        while (!result) {
            long left = Waits.left(deadline);
            if (left <= 0) {
                break;
            }
            awaitNanos(left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /** Python's {@code wait_for(predicate)}: waits as long as it takes for {@code predicate}. */
    default void waitFor(BooleanSupplier predicate) throws InterruptedException {
        while (!predicate.getAsBoolean()) {
            await();
        }
    }

    /** {@link Lock#hold()} of this condition's lock: Python's {@code with condition:}. */
    default Held hold() {
        return lock().hold();
    }
}
