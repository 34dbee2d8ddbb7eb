package dev.spindle.internal.queue;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Queue} for the threads of this JVM (Python's {@code queue.Queue}, and the queues of
 * {@code multiprocessing.dummy}): the items themselves are handed over, not copied. A
 * {@link LinkedBlockingQueue} of {@code maxsize} (or no limit) keeps the items, so every
 * {@code BlockingQueue} method keeps its contract, iteration included. The joinable kind is
 * {@link LocalJoinableQueue}.
 *
 * @param <T> the type of the items
 */
public class LocalQueue<T> extends AbstractQueue<T> implements Queue<T>, StaysInProcess {
    private final LinkedBlockingQueue<T> items;
    private final int maxsize;
    /** Unfinished tasks; null unless joinable. */
    private final TaskCount tasks;
    private final Closing closing = new Closing("this queue is closed");

    LocalQueue(int maxsize, boolean joinable) {
        if (maxsize < 0) {
            throw new IllegalArgumentException("maxsize must be 0 (no limit) or more, not " + maxsize);
        }
        this.items = new LinkedBlockingQueue<>(maxsize == 0 ? Integer.MAX_VALUE : maxsize);
        this.maxsize = maxsize;
        this.tasks = joinable ? new TaskCount() : null;
    }

    /** A new queue of at most {@code maxsize} items (0: no limit). */
    public static <T> Queue<T> create(int maxsize) {
        return new LocalQueue<>(maxsize, false);
    }

    /** A new joinable queue of at most {@code maxsize} items (0: no limit). */
    public static <T> JoinableQueue<T> joinable(int maxsize) {
        return new LocalJoinableQueue<>(maxsize);
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public boolean offer(T item) {
        closing.checkOpen();
        adding();
        return added(items.offer(item));
    }

    @Override
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        closing.checkOpen();
        adding();
        boolean added = false;
        try {
            added = items.offer(item, timeout, unit);
        } finally {
            added(added);
        }
        return added;
    }

    @Override
    public void put(T item) throws InterruptedException {
        closing.checkOpen();
        adding();
        boolean added = false;
        try {
            items.put(item);
            added = true;
        } finally {
            added(added);
        }
    }

    private void adding() {
        if (tasks != null) {
            tasks.adding();
        }
    }

    private boolean added(boolean added) {
        if (!added && tasks != null) {
            tasks.notAdded();
        }
        return added;
    }

    @Override
    public T take() throws InterruptedException {
        closing.checkOpen();
        return items.take();
    }

    @Override
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        closing.checkOpen();
        return items.poll(timeout, unit);
    }

    @Override
    public T poll() {
        closing.checkOpen();
        return items.poll();
    }

    @Override
    public T peek() {
        closing.checkOpen();
        return items.peek();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public int remainingCapacity() {
        return items.remainingCapacity();
    }

    @Override
    public int drainTo(Collection<? super T> sink) {
        return drainTo(sink, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super T> sink, int maxElements) {
        closing.checkOpen();
        if (Objects.requireNonNull(sink, "sink") == this) {
            throw new IllegalArgumentException("cannot drain a queue into itself");
        }
        return items.drainTo(sink, maxElements);
    }

    /** The items in order, weakly consistent, as {@link LinkedBlockingQueue#iterator}'s. */
    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }

    /** @throws IllegalStateException if the queue is closed */
    final void checkOpen() {
        closing.checkOpen();
    }

    /** The unfinished tasks of a joinable queue; null for a plain one. */
    final TaskCount tasks() {
        return tasks;
    }

    @Override
    public void close() {
        closing.close();
    }

    @Override
    public String toString() {
        return (tasks == null ? "Queue" : "JoinableQueue") + items;
    }
}
