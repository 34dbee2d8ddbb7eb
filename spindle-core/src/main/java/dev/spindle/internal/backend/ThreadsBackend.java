package dev.spindle.internal.backend;

import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.TaskEngine;
import dev.spindle.internal.queue.LocalQueue;
import dev.spindle.internal.queue.LocalSimpleQueue;
import dev.spindle.internal.manager.LocalManager;
import dev.spindle.managers.Manager;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.SharedMemory;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.internal.values.LocalMemoryBlock;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.SimpleQueue;
import dev.spindle.internal.values.LocalArray;
import dev.spindle.internal.values.LocalValue;
import dev.spindle.internal.sync.LocalBarrier;
import dev.spindle.internal.sync.LocalEvent;
import dev.spindle.internal.sync.LocalLock;
import dev.spindle.internal.sync.LocalRLock;
import dev.spindle.internal.sync.LocalSemaphore;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;
import java.time.Duration;
import java.util.Comparator;

/** Tasks run in this JVM's platform threads, or one virtual thread each. */
record ThreadsBackend(boolean virtual) implements Backend {
    @Override
    public TaskEngine engine(String poolName, PoolConfig config, boolean callbacksInWorker) {
        return TaskEngine.threads(poolName, config, virtual, callbacksInWorker);
    }

    @Override
    public boolean warmUp(Duration timeout) {
        return true; // threads start in microseconds
    }

    @Override
    public Event event() {
        return new LocalEvent();
    }

    @Override
    public Lock lock() {
        return new LocalLock();
    }

    @Override
    public RLock rlock() {
        return new LocalRLock();
    }

    @Override
    public Semaphore semaphore(int permits, boolean bounded) {
        return bounded ? LocalSemaphore.bounded(permits) : LocalSemaphore.unbounded(permits);
    }

    @Override
    public boolean makes(Lock lock) {
        return lock instanceof LocalLock || lock instanceof LocalRLock;
    }

    @Override
    public Barrier barrier(int parties, Runnable action, Duration timeout) {
        return new LocalBarrier(parties, action, timeout);
    }

    @Override
    public <T> Queue<T> queue(int maxsize, int maxItemBytes) {
        if (maxItemBytes < 0) {
            throw new IllegalArgumentException("maxItemBytes must be 0 or more, not " + maxItemBytes);
        }
        return LocalQueue.create(maxsize); // items are handed over, not encoded: no size to limit
    }

    @Override
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return LocalQueue.joinable(maxsize);
    }

    @Override
    public <T> JoinableQueue<T> lifoQueue(int maxsize) {
        return LocalQueue.joinableLifo(maxsize);
    }

    @Override
    public <T> JoinableQueue<T> priorityQueue(int maxsize, Comparator<? super T> order) {
        return LocalQueue.joinablePriority(maxsize, order);
    }

    @Override
    public <T> SimpleQueue<T> simpleQueue() {
        return new LocalSimpleQueue<>();
    }

    @Override
    public <T> Value<T> value(TypeCode<T> code, T initial, Lock lock) {
        return new LocalValue<>(code, initial, lock);
    }

    @Override
    public <T> Array<T> array(TypeCode<T> code, int length, Lock lock) {
        return new LocalArray<>(code, length, lock);
    }

    @Override
    public SharedMemory sharedMemory(long size) {
        return LocalMemoryBlock.create(size);
    }

    @Override
    public Manager manager() {
        return new LocalManager(this);
    }
}
