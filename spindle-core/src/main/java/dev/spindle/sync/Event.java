package dev.spindle.sync;

import dev.spindle.internal.waits.Waits;
import java.time.Duration;

/**
 * A flag that threads or processes wait for (Python's {@code threading.Event} and
 * {@code multiprocessing.Event}): {@link #set()} raises it and wakes every waiter, {@link #clear()}
 * lowers it, {@link #await()} returns once it is raised. Made by
 * {@link dev.spindle.Context#event()}; an event of a process context can be passed to child
 * processes and pool tasks wherever Spindle sends values, and every copy is the same event.
 *
 * <p>A waiter that was woken by a {@code set} returns {@code true} even if the flag was cleared
 * again before it ran, as in Python.
 *
 * <p>Memory consistency: actions in a thread (of any process sharing the event) before
 * {@code set()} happen-before actions after an {@code await} that returns {@code true} because of
 * that {@code set}, or after an {@link #isSet()} that sees it; for the fields of objects in
 * different JVMs this means what the processes share (shared memory), not their heaps.
 */
public interface Event {
    /** Whether the flag is raised (Python's {@code is_set()}). */
    boolean isSet();

    /** Raises the flag and wakes every thread and process waiting for it. */
    void set();

    /** Lowers the flag: later waits block until the next {@link #set()}. */
    void clear();

    /**
     * Waits until the flag is raised (Python's {@code wait()}); returns at once if it is.
     *
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    default void await() throws InterruptedException {
        await(Waits.FOREVER);
    }

    /**
     * Waits at most {@code timeout} for the flag (Python's {@code wait(timeout)}).
     *
     * @return {@code true} if the flag was raised (or a {@code set} woke this waiter), {@code false}
     *         if the timeout passed first
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    boolean await(Duration timeout) throws InterruptedException;
}
