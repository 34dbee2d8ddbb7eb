package dev.spindle.queue;

import java.time.Duration;

/**
 * A {@link Queue} that counts unfinished tasks (Python's {@code JoinableQueue}, and
 * {@code queue.Queue}'s {@code task_done}/{@code join}): each item put adds one, each
 * {@link #taskDone} takes one away, and {@link #join} waits until none is left.
 *
 * <p>Memory consistency: actions before a {@code taskDone()} happen-before a {@code join()}
 * that it lets return.
 *
 * @param <T> the type of the items
 */
public interface JoinableQueue<T> extends Queue<T> {
    /**
     * Says a task taken from the queue is finished (Python's {@code task_done()}).
     *
     * @throws IllegalStateException if called more times than items were put (Python's ValueError)
     */
    void taskDone();

    /** Waits until every item put has been taken and marked {@linkplain #taskDone done}. */
    void join() throws InterruptedException;

    /**
     * As {@link #join()}, waiting at most {@code timeout}; returns whether every task is done.
     * Python's {@code join} takes no timeout; this one is for programs that must not hang.
     */
    boolean join(Duration timeout) throws InterruptedException;
}
