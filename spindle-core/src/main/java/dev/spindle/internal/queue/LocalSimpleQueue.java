package dev.spindle.internal.queue;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.queue.SimpleQueue;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A {@link SimpleQueue} for the threads of this JVM (Python's {@code queue.SimpleQueue}): an
 * unbounded {@link LinkedBlockingQueue}; the items themselves are handed over.
 *
 * @param <T> the type of the items
 */
public final class LocalSimpleQueue<T> implements SimpleQueue<T>, StaysInProcess {
    private final LinkedBlockingQueue<T> items = new LinkedBlockingQueue<>();
    private final Closing closing = new Closing("this queue is closed");

    @Override
    public void put(T item) {
        closing.checkOpen();
        items.add(Objects.requireNonNull(item, "a queue refuses null items (put a sentinel value of your own)"));
    }

    @Override
    public T get() throws InterruptedException {
        closing.checkOpen();
        return items.take();
    }

    @Override
    public boolean empty() {
        return items.isEmpty();
    }

    @Override
    public void close() {
        closing.close();
    }

    @Override
    public String toString() {
        return "SimpleQueue" + items;
    }
}
