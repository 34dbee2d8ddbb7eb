package dev.spindle.internal.queue;

import dev.spindle.internal.waits.Uninterruptibly;
import dev.spindle.internal.waits.Waits;
import dev.spindle.queue.Queue;
import dev.spindle.queue.ShutDown;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A cross-process {@link Queue} over an {@link ItemStore}, with the whole
 * {@link java.util.concurrent.BlockingQueue} surface written once: items are encoded at
 * {@code put} in the caller's thread (so what cannot travel is refused there) and decoded at
 * {@code get}. Its {@link #shutdown(boolean) shutdown} is {@code queue.Queue}'s (Python 3.13), for
 * everyone that holds the queue.
 *
 * @param <T> the type of the items
 */
public abstract class StoredQueue<T> extends AbstractQueue<T> implements Queue<T> {
    private final ItemStore store;
    private final ItemCodec codec;
    private final Closing closing = new Closing("this queue is closed in this process");

    protected StoredQueue(ItemStore store) {
        this.store = store;
        this.codec = new ItemCodec(store.maxItemBytes());
    }

    /** Where this queue lives, for {@link #toString}: {@code shared by processes}, {@code on cluster x}. */
    protected abstract String where();

    @Override
    public int maxsize() {
        return store.maxsize();
    }

    @Override
    public boolean offer(T item) {
        byte[] bytes = encode(item);
        try {
            return store.put(bytes, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // offer does not wait, so cannot report it
            return false;
        }
    }

    @Override
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        byte[] bytes = encode(item);
        return store.put(bytes, Waits.deadlineAfter(Math.max(0, unit.toNanos(timeout))));
    }

    @Override
    public void put(T item) throws InterruptedException {
        byte[] bytes = encode(item);
        store.put(bytes, Waits.NO_DEADLINE);
    }

    @Override
    public T take() throws InterruptedException {
        checkOpen();
        return decode(store.take(Waits.NO_DEADLINE));
    }

    @Override
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        checkOpen();
        return decode(store.take(Waits.deadlineAfter(Math.max(0, unit.toNanos(timeout)))));
    }

    @Override
    public T poll() {
        checkOpen();
        try {
            return decode(store.take(System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public T peek() {
        checkOpen();
        try {
            return decode(store.peek());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private byte[] encode(T item) {
        checkOpen();
        store.checkPutsOpen(); // before encoding: a shut-down queue refuses even an item that cannot be encoded
        return codec.encode(item);
    }

    @SuppressWarnings("unchecked")
    private T decode(byte[] bytes) {
        return bytes == null ? null : (T) codec.decode(bytes);
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public boolean isEmpty() {
        return !store.hasItem();
    }

    @Override
    public int remainingCapacity() {
        return maxsize() == 0 ? Integer.MAX_VALUE : Math.max(0, maxsize() - size());
    }

    @Override
    public int drainTo(Collection<? super T> sink) {
        return drainTo(sink, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super T> sink, int maxElements) {
        Objects.requireNonNull(sink, "sink");
        if (sink == this) {
            throw new IllegalArgumentException("cannot drain a queue into itself");
        }
        int moved = 0;
        while (moved < maxElements) {
            T item;
            try {
                item = poll();
            } catch (ShutDown drained) {
                break; // shut down and empty: what was drained is the answer, as for an in-process queue
            }
            if (item == null) {
                break;
            }
            sink.add(item);
            moved++;
        }
        return moved;
    }

    /**
     * Not supported: the items are shared, taken by other processes at any moment, so there is
     * nothing stable to walk.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Iterator<T> iterator() {
        throw new UnsupportedOperationException("a queue shared by processes cannot be iterated (nor searched, nor"
                + " copied to an array): take its items with poll, take or drainTo");
    }

    /**
     * Shuts the queue down for every process that holds it: see {@link Queue#shutdown(boolean)}.
     * Threads of other processes blocked in a put or get wake and throw {@link ShutDown}. It waits
     * only for a put or get in progress to finish, and not for an interrupt.
     */
    @Override
    public void shutdown(boolean immediate) {
        Uninterruptibly.await(() -> store.shutdown(immediate));
    }

    @Override
    public boolean isShutdown() {
        return store.isShutdown();
    }

    @Override
    public void close() {
        closing.close();
    }

    /** @throws IllegalStateException if this process closed the queue */
    protected final void checkOpen() {
        closing.checkOpen();
    }

    /** Marks one task done (a joinable queue's {@code taskDone()}). */
    public final void markTaskDone() {
        checkOpen();
        if (!store.taskDone()) {
            throw new IllegalStateException("taskDone() called more times than there were items put");
        }
    }

    /** Waits until {@code deadline} for every task to be done (a joinable queue's {@code join}). */
    public final boolean joinUntil(long deadline) throws InterruptedException {
        checkOpen();
        return store.join(deadline);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().replace("Shared", "").replace("Cluster", "") + "[" + size() + " items"
                + (maxsize() == 0 ? "" : " of at most " + maxsize()) + ", " + where() + "]";
    }
}
