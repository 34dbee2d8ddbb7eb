package dev.spindle.internal.queue;

import dev.spindle.internal.waits.Uninterruptibly;
import dev.spindle.internal.waits.Waits;
import dev.spindle.queue.SimpleQueue;

/**
 * A cross-process {@link SimpleQueue} over an {@link ItemStore} (Python's
 * {@code multiprocessing.SimpleQueue}): unbounded, items encoded at {@code put}.
 *
 * @param <T> the type of the items
 */
public abstract class StoredSimpleQueue<T> implements SimpleQueue<T> {
    private final ItemStore store;
    private final ItemCodec codec;
    private final Closing closing = new Closing("this queue is closed in this process");

    protected StoredSimpleQueue(ItemStore store) {
        this.store = store;
        this.codec = new ItemCodec(store.maxItemBytes());
    }

    /** Where this queue lives, for {@link #toString}. */
    protected abstract String where();

    @Override
    public void put(T item) {
        closing.checkOpen();
        byte[] bytes = codec.encode(item);
        // Unbounded, as Python's: it waits only while the store is full of items being taken, and not for an interrupt.
        Uninterruptibly.await(() -> store.put(bytes, Waits.NO_DEADLINE));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() throws InterruptedException {
        closing.checkOpen();
        return (T) codec.decode(store.take(Waits.NO_DEADLINE));
    }

    @Override
    public boolean empty() {
        return !store.hasItem();
    }

    @Override
    public void close() {
        closing.close();
    }

    @Override
    public String toString() {
        return "SimpleQueue[" + store.size() + " items, " + where() + "]";
    }
}
