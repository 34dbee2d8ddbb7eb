package dev.spindle.internal.queue;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.waits.Spin;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.ShutDown;
import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A {@link Queue} for the threads of this JVM (Python's {@code queue.Queue}, {@code LifoQueue} and
 * {@code PriorityQueue}, and the queues of {@code multiprocessing.dummy}): the items themselves
 * are handed over, not copied. As CPython's {@code queue.Queue}, one lock and two conditions
 * (not empty, not full) guard the items and this class counts {@code maxsize} and does every wait,
 * while a plain {@link java.util.Queue} keeps the items and says which comes out next, as
 * CPython's {@code _init}/{@code _put}/{@code _get}/{@code _qsize} that {@code LifoQueue} and
 * {@code PriorityQueue} override: so every order shares every {@code BlockingQueue} rule (nulls
 * refused, waits interruptible, timeouts of zero or less do not wait). The joinable kind is
 * {@link LocalJoinableQueue}.
 *
 * <p>A wait first spins, outside the lock, on a volatile copy of the item count ({@link Spin}:
 * while spinning pays):
 * a consumer that keeps up with its producer then finds its next item without parking, and the
 * producer's signal finds no one to unpark — the hand-off costs two lock holds, not two futex
 * calls. Python 3.13's {@code shutdown} is a flag under the same lock; putting and taking check
 * it where they check for room and for an item, so a blocked put or take wakes to it.
 *
 * @param <T> the type of the items
 */
public class LocalQueue<T> extends AbstractQueue<T> implements Queue<T>, StaysInProcess {
    /** A wait without a limit: {@code put}/{@code take}, or a timeout too long for a long of nanoseconds. */
    private static final long FOREVER = Long.MAX_VALUE;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /**
     * The items; its {@code add} and {@code poll} say which comes out next. Any
     * {@link java.util.Queue} whose iterator's {@code remove()} works: not thread-safe, it is used
     * only under the lock, and it never limits its size (this class counts {@code maxsize}).
     */
    private final java.util.Queue<T> items;
    private final int maxsize;
    /** What {@link #toString} calls it: Python's class name. */
    private final String kind;
    /** Unfinished tasks; null unless joinable. */
    private final TaskCount tasks;
    private final Closing closing = new Closing("this queue is closed");
    /** {@code items.size()}, written under the lock after every change: what waits spin on. */
    private volatile int count;
    /** How long waits for an item and for room spin; racy hints. */
    private final Spin takeSpin = new Spin();
    private final Spin putSpin = new Spin();
    /** Python's {@code is_shutdown}; written under the lock. */
    private volatile boolean shutdown;

    LocalQueue(int maxsize, java.util.Queue<T> items, String kind, boolean joinable) {
        if (maxsize < 0) {
            throw new IllegalArgumentException("maxsize must be 0 (no limit) or more, not " + maxsize);
        }
        this.items = items;
        this.maxsize = maxsize;
        this.kind = kind;
        this.tasks = joinable ? new TaskCount() : null;
    }

    /** A new queue, oldest item first, of at most {@code maxsize} items (0: no limit). */
    public static <T> Queue<T> create(int maxsize) {
        return new LocalQueue<>(maxsize, new ArrayDeque<>(), "Queue", false);
    }

    /** A new queue, newest item first (Python's {@code LifoQueue}), of at most {@code maxsize} items (0: no limit). */
    public static <T> Queue<T> lifo(int maxsize) {
        return new LocalQueue<>(maxsize, lifoOrder(), "LifoQueue", false);
    }

    /**
     * A new queue, smallest item first (Python's {@code PriorityQueue}), of at most
     * {@code maxsize} items (0: no limit). Its iterator walks the items in no particular order.
     *
     * @param order how items rank; null for their natural order, where an item that is not
     *     {@link Comparable} fails its put (when there is room) with {@link ClassCastException}
     */
    public static <T> Queue<T> priority(int maxsize, Comparator<? super T> order) {
        return new LocalQueue<>(maxsize, new PriorityQueue<>(order), "PriorityQueue", false);
    }

    /** A new joinable queue, oldest item first, of at most {@code maxsize} items (0: no limit). */
    public static <T> JoinableQueue<T> joinable(int maxsize) {
        return new LocalJoinableQueue<>(maxsize, new ArrayDeque<>(), "JoinableQueue");
    }

    /** As {@link #lifo}, joinable. */
    public static <T> JoinableQueue<T> joinableLifo(int maxsize) {
        return new LocalJoinableQueue<>(maxsize, lifoOrder(), "JoinableLifoQueue");
    }

    /** As {@link #priority}, joinable. */
    public static <T> JoinableQueue<T> joinablePriority(int maxsize, Comparator<? super T> order) {
        return new LocalJoinableQueue<>(maxsize, new PriorityQueue<>(order), "JoinablePriorityQueue");
    }

    /** Newest first: a stack, pushed and popped at the head of its deque. */
    private static <T> java.util.Queue<T> lifoOrder() {
        return Collections.asLifoQueue(new ArrayDeque<>());
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public boolean offer(T item) {
        admit(item);
        boolean added = false;
        lock.lock();
        try {
            added = putNow(item);
        } finally {
            lock.unlock();
            settle(added);
        }
        return added;
    }

    @Override
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        return putWithin(item, unit.toNanos(timeout));
    }

    @Override
    public void put(T item) throws InterruptedException {
        putWithin(item, FOREVER);
    }

    /** Puts {@code item}, waiting at most {@code nanos} for room; false if none came. */
    private boolean putWithin(T item, long nanos) throws InterruptedException {
        admit(item);
        boolean added = false;
        try {
            lock.lockInterruptibly();
            try {
                while (!(added = putNow(item)) && nanos > 0) {
                    nanos = await(notFull, putSpin, nanos, () -> count < maxsize || shutdown);
                }
            } finally {
                lock.unlock();
            }
        } finally {
            settle(added);
        }
        return added;
    }

    /** Before a put: refuses it if closed or shut down or the item null, then counts the task to come. */
    private void admit(T item) {
        closing.checkOpen();
        if (shutdown) {
            throw refusedPut();
        }
        Objects.requireNonNull(item, "a queue refuses null items (put a sentinel value of your own)");
        if (tasks != null) {
            tasks.adding();
        }
    }

    /** After a put: uncounts the task if the item did not go in. */
    private void settle(boolean added) {
        if (!added && tasks != null) {
            tasks.notAdded();
        }
    }

    private static ShutDown refusedPut() {
        return new ShutDown("the queue is shut down: it takes no more items");
    }

    /** Under the lock: puts {@code item} if there is room now, and wakes one waiting take. */
    private boolean putNow(T item) {
        if (shutdown) {
            throw refusedPut();
        }
        if (maxsize > 0 && items.size() >= maxsize) {
            return false;
        }
        try {
            items.add(item);
        } catch (RuntimeException | Error refused) { // as an item a priority order cannot rank
            notFull.signal(); // this put may have been woken for the room it leaves: pass it on
            throw refused;
        }
        count = items.size();
        notEmpty.signal();
        return true;
    }

    @Override
    public T take() throws InterruptedException {
        return takeWithin(FOREVER);
    }

    @Override
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        return takeWithin(unit.toNanos(timeout));
    }

    /** Takes the next item, waiting at most {@code nanos} for one; null if none came. */
    private T takeWithin(long nanos) throws InterruptedException {
        closing.checkOpen();
        lock.lockInterruptibly();
        try {
            T item;
            while ((item = takeNow()) == null && nanos > 0) {
                nanos = await(notEmpty, takeSpin, nanos, () -> count > 0 || shutdown);
            }
            return item;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public T poll() {
        closing.checkOpen();
        lock.lock();
        try {
            return takeNow();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: takes the next item if there is one now, and wakes one waiting put.
     *
     * @throws ShutDown if the queue is shut down and empty
     */
    private T takeNow() {
        T item = items.poll();
        if (item != null) {
            count = items.size();
            notFull.signal();
        } else if (shutdown) {
            throw new ShutDown("the queue is shut down and empty");
        }
        return item;
    }

    /**
     * Under the lock: waits on {@code condition} for at most {@code nanos}, first spinning outside
     * the lock until {@code worthALook} (it may be stale: the caller checks again under the lock);
     * returns the nanos left.
     */
    private long await(Condition condition, Spin spin, long nanos, BooleanSupplier worthALook)
            throws InterruptedException {
        long start = System.nanoTime();
        lock.unlock();
        boolean spun;
        try {
            spun = spin.until(worthALook);
        } finally {
            lock.lock();
        }
        // Checked again under the lock: a put or take between the spin's last look and the lock
        // signalled no one, since this thread was not yet waiting; awaiting now would miss it.
        if (spun || worthALook.getAsBoolean()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting on a queue");
            }
            return nanos == FOREVER ? FOREVER : nanos - (System.nanoTime() - start);
        }
        if (nanos == FOREVER) {
            condition.await();
            return FOREVER;
        }
        return condition.awaitNanos(nanos - (System.nanoTime() - start));
    }

    @Override
    public T peek() {
        closing.checkOpen();
        lock.lock();
        try {
            return items.peek();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int remainingCapacity() {
        return maxsize == 0 ? Integer.MAX_VALUE : maxsize - size();
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
        int moved = 0;
        lock.lock();
        try {
            // into the sink before out of the queue: an item the sink refuses stays here
            for (T item; moved < maxElements && (item = items.peek()) != null; moved++) {
                sink.add(item);
                items.remove();
            }
        } finally {
            count = items.size();
            wakePuts(moved);
            lock.unlock();
        }
        return moved;
    }

    /**
     * A snapshot of the items ({@link SnapshotIterator}): in the order they come out, except for a
     * priority queue (no particular order). Its {@code remove()} takes that very item out of the
     * queue, if it is still there.
     */
    @Override
    public Iterator<T> iterator() {
        List<T> copy;
        lock.lock();
        try {
            copy = new ArrayList<>(items);
        } finally {
            lock.unlock();
        }
        return new SnapshotIterator<>(copy, item -> removeFirst(kept -> kept == item));
    }

    /** Under the lock in one step, unlike {@link java.util.AbstractCollection}'s walk, then remove. */
    @Override
    public boolean remove(Object item) {
        return item != null && removeFirst(item::equals);
    }

    /** Removes the first item that {@code match}es, in the walk of its iterator; whether there was one. */
    private boolean removeFirst(Predicate<Object> match) {
        lock.lock();
        try {
            for (Iterator<T> it = items.iterator(); it.hasNext(); ) {
                if (match.test(it.next())) {
                    it.remove();
                    count = items.size();
                    wakePuts(1);
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: wakes up to {@code freed} waiting puts, after that many items left at once. */
    private void wakePuts(int freed) {
        for (int i = 0; i < freed && lock.hasWaiters(notFull); i++) {
            notFull.signal();
        }
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
    public void shutdown(boolean immediate) {
        lock.lock();
        try {
            shutdown = true;
            if (immediate) {
                int dropped = items.size();
                items.clear();
                count = 0;
                if (tasks != null) {
                    tasks.dropped(dropped);
                }
            }
            notEmpty.signalAll(); // every waiter looks again: takes of an empty queue, and every put, throw
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public void close() {
        closing.close();
    }

    /** Python's class name and the items, as {@link #iterator} walks them. */
    @Override
    public String toString() {
        return kind + super.toString();
    }
}
