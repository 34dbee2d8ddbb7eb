package dev.spindle.queue;

import dev.spindle.internal.waits.Waits;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A FIFO queue with Python's names beside the {@link BlockingQueue} contract: Python's
 * {@code multiprocessing.Queue} from a process context, {@code queue.Queue} from a thread
 * context. Any number of threads (and, for a process context, processes) put and get at once.
 *
 * <p>Python's methods and the JDK's, side by side: {@code put(item)} blocks while the queue is
 * full, as {@link #put}; {@link #put(Object, Duration)} and {@link #putNowait} throw {@link Full}
 * where {@link #offer} returns false; {@code get()} blocks, as {@link #take}; {@link #get(Duration)}
 * and {@link #getNowait} throw {@link Empty} where {@link #poll} returns null. As every
 * {@code BlockingQueue}, it refuses null items ({@link NullPointerException}): where a Python
 * program puts {@code None} as a sentinel, put a value of your own.
 *
 * <p>A queue of a process context copies each item: {@code put} encodes it at the call (an item
 * that cannot be encoded throws there, naming the field that failed, and nothing enters the
 * queue) and, when {@code put} returns, the item is in shared memory, so the putting process
 * may exit at once. Such a queue implements the methods that need no walk over its items;
 * {@code iterator()} (and so {@code contains}, {@code remove(Object)}, {@code toArray},
 * {@code removeAll}, {@code retainAll}) throws {@link UnsupportedOperationException}.
 *
 * <p>Python 3.13's {@link #shutdown(boolean) shutdown}: afterwards every put throws
 * {@link ShutDown}, and gets drain what is left, then throw {@code ShutDown} too (after
 * {@code shutdown(true)} at once: the items are dropped). A queue of a process context shuts
 * down for every process that holds it (Python's {@code multiprocessing.Queue} has no shutdown).
 *
 * <p>Memory consistency: actions in a thread before it puts an item happen-before actions
 * after that item is taken, in any thread of any process.
 *
 * @param <T> the type of the items
 */
public interface Queue<T> extends BlockingQueue<T>, AutoCloseable {
    /**
     * Puts {@code item}, waiting at most {@code timeout} for room (Python's
     * {@code put(item, timeout=…)}).
     *
     * @throws Full if no room came in time
     * @throws InterruptedException if interrupted while waiting
     */
    default void put(T item, Duration timeout) throws InterruptedException {
        if (!offer(item, Math.max(0, Waits.nanos(timeout)), TimeUnit.NANOSECONDS)) {
            throw new Full("the queue stayed full for " + timeout + " (maxsize " + maxsize() + ")");
        }
    }

    /**
     * Puts {@code item} only if there is room now (Python's {@code put_nowait}).
     *
     * @throws Full if the queue is full
     */
    default void putNowait(T item) {
        if (!offer(item)) {
            throw new Full("the queue is full (maxsize " + maxsize() + ")");
        }
    }

    /** Takes the oldest item, waiting for one (Python's {@code get()}); the same as {@link #take}. */
    default T get() throws InterruptedException {
        return take();
    }

    /**
     * Takes the oldest item, waiting at most {@code timeout} for one (Python's
     * {@code get(timeout=…)}).
     *
     * @throws Empty if none came in time
     * @throws InterruptedException if interrupted while waiting
     */
    default T get(Duration timeout) throws InterruptedException {
        T item = poll(Math.max(0, Waits.nanos(timeout)), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new Empty("no item came in " + timeout);
        }
        return item;
    }

    /**
     * Takes the oldest item only if there is one now (Python's {@code get_nowait}).
     *
     * @throws Empty if the queue is empty
     */
    default T getNowait() {
        T item = poll();
        if (item == null) {
            throw new Empty("the queue is empty");
        }
        return item;
    }

    /**
     * How many items the queue holds (Python's {@code qsize()}): exact when nothing is being put
     * or taken, else a figure that may already have changed, as Python's.
     */
    default int qsize() {
        return size();
    }

    /** True if the queue holds no item (Python's {@code empty()}); as {@link #qsize}, a snapshot. */
    default boolean empty() {
        return isEmpty();
    }

    /** True if the queue holds {@link #maxsize} items (Python's {@code full()}); never for an unbounded one. */
    default boolean full() {
        return maxsize() > 0 && qsize() >= maxsize();
    }

    /**
     * Python 3.13's {@code shutdown(immediate)}: from now on every put ({@code put},
     * {@code offer}, {@code add}, {@code putNowait}) throws {@link ShutDown}, and so does every
     * take ({@code take}, {@code poll}, {@code get}, {@code getNowait}, {@code remove()}) that finds
     * the queue empty; takes go on until it is. With {@code immediate}, the items are dropped at
     * once, each counting as a {@link JoinableQueue#taskDone taskDone()} (so {@code join()}
     * returns once the tasks already taken are done). Threads blocked in a put or a take wake
     * and throw {@code ShutDown} (a take only if no item is left for it). Idempotent, and final:
     * a queue is never opened again; a later immediate shutdown still drops the items. For a
     * queue of a process context all of this holds in every process: threads blocked in another
     * process wake and throw too.
     */
    void shutdown(boolean immediate);

    /** {@code shutdown(false)}: puts are refused, gets drain the queue, then are refused. */
    default void shutdown() {
        shutdown(false);
    }

    /** Whether {@link #shutdown(boolean)} was called (Python's {@code is_shutdown}). */
    boolean isShutdown();

    /** The most items the queue holds; 0 for no limit (Python's {@code maxsize}). */
    int maxsize();

    /**
     * Says this process puts and gets no more items (Python's {@code close()}): later calls of this
     * process throw {@link IllegalStateException}. Other holders are not affected; items already
     * put stay in the queue. Idempotent.
     */
    @Override
    void close();
}
