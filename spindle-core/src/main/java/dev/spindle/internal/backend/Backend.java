package dev.spindle.internal.backend;

import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.TaskEngine;
import dev.spindle.managers.Manager;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.SharedMemory;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.SimpleQueue;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;
import java.time.Duration;
import java.util.Comparator;

/**
 * What stands behind a {@link dev.spindle.Context}: where its tasks run and how its primitives
 * are made. Pools and executors are written once over this interface, and every primitive a
 * context makes has its factory here, implemented once per backend (a process, a pipe: see
 * {@link dev.spindle.Context}, which makes them from public classes).
 */
public interface Backend {
    /** A task engine for a pool or executor named {@code poolName}; see {@link TaskEngine#threads} for {@code callbacksInWorker}. */
    TaskEngine engine(String poolName, PoolConfig config, boolean callbacksInWorker);

    /** Readies starting workers (see {@link dev.spindle.Context#warmUp}); true if ready by the deadline. */
    boolean warmUp(Duration timeout) throws InterruptedException;

    /** A new event, lowered, for the threads (and, for processes, the children) of this backend. */
    Event event();

    /** A new lock, free: not reentrant, released by any thread (Python's {@code Lock}). */
    Lock lock();

    /** A new reentrant lock, free, released only by its owner thread (Python's {@code RLock}). */
    RLock rlock();

    /** A new semaphore of {@code permits}; if {@code bounded}, it refuses a release above them. */
    Semaphore semaphore(int permits, boolean bounded);

    /** Whether {@code lock} is a lock this kind of backend makes. */
    boolean makes(Lock lock);

    /**
     * A new condition over {@code lock}, which must be a lock of this kind of backend.
     *
     * @throws IllegalArgumentException if it is another kind's (or no Spindle lock)
     */
    default Condition condition(Lock lock) {
        if (!makes(lock)) {
            throw new IllegalArgumentException("a Condition needs a Lock or RLock of the same kind of context (threads or processes), not " + lock);
        }
        return lock.newCondition();
    }

    /**
     * A new barrier of {@code parties} whose last arrival runs {@code action} (null: none) and
     * whose {@code await()} waits at most {@code timeout} (null: for ever).
     *
     * @throws IllegalArgumentException if {@code parties} is below 1, or the action cannot travel
     *         where this backend's parties run
     */
    Barrier barrier(int parties, Runnable action, Duration timeout);

    /** A new FIFO queue of at most {@code maxsize} items (0: no limit) of at most {@code maxItemBytes} encoded bytes where items are copied. */
    <T> Queue<T> queue(int maxsize, int maxItemBytes);

    /** A new joinable queue of at most {@code maxsize} items (0: no limit). */
    <T> JoinableQueue<T> joinableQueue(int maxsize);

    /**
     * A new joinable queue, newest item first (Python's {@code queue.LifoQueue}), of at most
     * {@code maxsize} items (0: no limit).
     *
     * @throws UnsupportedOperationException where this backend has none
     */
    <T> JoinableQueue<T> lifoQueue(int maxsize);

    /**
     * A new joinable queue, smallest item first by {@code order} (null: natural order; Python's
     * {@code queue.PriorityQueue}), of at most {@code maxsize} items (0: no limit).
     *
     * @throws UnsupportedOperationException where this backend has none
     */
    <T> JoinableQueue<T> priorityQueue(int maxsize, Comparator<? super T> order);

    /** A new unbounded simple queue. */
    <T> SimpleQueue<T> simpleQueue();

    /** A new value of {@code code}, {@code initial}, guarded by {@code lock} (one this backend {@link #makes}; null: raw). */
    <T> Value<T> value(TypeCode<T> code, T initial, Lock lock);

    /** A new array of {@code length} zeros of {@code code}, guarded by {@code lock} (one this backend {@link #makes}; null: raw). */
    <T> Array<T> array(TypeCode<T> code, int length, Lock lock);

    /** A new zero-filled block of {@code size} bytes of memory the parties of this backend share. */
    SharedMemory sharedMemory(long size);

    /** A new manager of this backend's kind: served by a child JVM, or plain objects of this JVM for threads. */
    Manager manager();
}
