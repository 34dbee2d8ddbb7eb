package dev.spindle.internal.queue;

import dev.spindle.internal.waits.Waits;
import dev.spindle.queue.JoinableQueue;
import java.time.Duration;

/**
 * A {@link JoinableQueue} over a {@link StoredQueue}'s store, whose task counts the store keeps:
 * the joinable methods written once, for the shared-memory queue and the cluster's.
 *
 * @param <T> the type of the items
 */
public interface JoinsInStore<T> extends JoinableQueue<T> {
    /** Marks one task done in the store (see {@link StoredQueue#markTaskDone()}). */
    void markTaskDone();

    /** Waits until {@code deadline} for every task to be done (see {@link StoredQueue#joinUntil(long)}). */
    boolean joinUntil(long deadline) throws InterruptedException;

    @Override
    default void taskDone() {
        markTaskDone();
    }

    @Override
    default void join() throws InterruptedException {
        joinUntil(Waits.NO_DEADLINE);
    }

    @Override
    default boolean join(Duration timeout) throws InterruptedException {
        return joinUntil(Waits.deadlineAfter(Math.max(0, Waits.nanos(timeout))));
    }
}
