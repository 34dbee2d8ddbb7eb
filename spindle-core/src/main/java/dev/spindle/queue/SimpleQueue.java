package dev.spindle.queue;

/**
 * An unbounded FIFO queue with nothing more than {@code put}, {@code get} and {@code empty}
 * (Python's {@code multiprocessing.SimpleQueue} and {@code queue.SimpleQueue}): items as a
 * {@link Queue}'s (copied at {@code put} for a process context; null refused).
 *
 * <p>Memory consistency: actions in a thread before it puts an item happen-before actions after
 * that item is taken, in any thread of any process.
 *
 * @param <T> the type of the items
 */
public interface SimpleQueue<T> extends AutoCloseable {
    /** Puts {@code item}; never waits for room. */
    void put(T item);

    /** Takes the oldest item, waiting for one. */
    T get() throws InterruptedException;

    /** True if the queue holds no item now. */
    boolean empty();

    /** Says this process puts and gets no more items, as {@link Queue#close}. Idempotent. */
    @Override
    void close();
}
