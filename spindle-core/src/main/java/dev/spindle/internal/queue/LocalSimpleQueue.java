package dev.spindle.internal.queue;

import dev.spindle.queue.SimpleQueue;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A {@link SimpleQueue} for the threads of this JVM (Python's {@code queue.SimpleQueue}): an
 * unbounded {@link LinkedBlockingQueue}; the items themselves are handed over.
 *
 * @param <T> the type of the items
 */
public final class LocalSimpleQueue<T> implements SimpleQueue<T> {
    private final LinkedBlockingQueue<T> items = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    @Override
    public void put(T item) {
        checkOpen();
        items.add(Objects.requireNonNull(item, "a queue refuses null items (put a sentinel value of your own)"));
    }

    @Override
    public T get() throws InterruptedException {
        checkOpen();
        return items.take();
    }

    @Override
    public boolean empty() {
        return items.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this queue is closed");
        }
    }

    @Override
    public String toString() {
        return "SimpleQueue" + items;
    }
}
