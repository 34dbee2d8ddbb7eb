package dev.spindle.internal.backend;

import dev.spindle.ReadLimits;
import dev.spindle.function.SerializableRunnable;
import dev.spindle.internal.launch.Launchers;
import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.TaskEngine;
import dev.spindle.internal.queue.SharedJoinableQueue;
import dev.spindle.internal.queue.SharedQueue;
import dev.spindle.internal.queue.SharedSimpleQueue;
import dev.spindle.internal.manager.RemoteManager;
import dev.spindle.managers.Manager;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.SharedMemory;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.internal.values.SharedMemoryBlock;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.SimpleQueue;
import dev.spindle.internal.values.SharedArray;
import dev.spindle.internal.values.SharedValue;
import dev.spindle.internal.sync.SharedBarrier;
import dev.spindle.internal.sync.SharedEvent;
import dev.spindle.internal.sync.SharedLock;
import dev.spindle.internal.sync.SharedRLock;
import dev.spindle.internal.sync.SharedSemaphore;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;
import java.io.Serializable;
import java.time.Duration;
import java.util.Comparator;

/** Tasks run in worker processes started by one start method. */
record ProcessesBackend(StartMethod startMethod) implements Backend {
    @Override
    public TaskEngine engine(String poolName, PoolConfig config, boolean callbacksInWorker) {
        return TaskEngine.processes(poolName, config);
    }

    @Override
    public boolean warmUp(Duration timeout) throws InterruptedException {
        return Launchers.of(startMethod).warmUp(timeout);
    }

    @Override
    public Event event() {
        return SharedEvent.create();
    }

    @Override
    public Lock lock() {
        return SharedLock.create();
    }

    @Override
    public RLock rlock() {
        return SharedRLock.create();
    }

    @Override
    public Semaphore semaphore(int permits, boolean bounded) {
        return SharedSemaphore.create(permits, bounded);
    }

    @Override
    public boolean makes(Lock lock) {
        return lock instanceof SharedLock || lock instanceof SharedRLock;
    }

    @Override
    public Barrier barrier(int parties, Runnable action, Duration timeout) {
        if (action == null || action instanceof SerializableRunnable) {
            return SharedBarrier.create(parties, (SerializableRunnable) action, timeout);
        }
        if (!(action instanceof Serializable)) {
            throw new IllegalArgumentException("the action of a cross-process Barrier runs in whichever process arrives"
                    + " last, so it must be serializable (a SerializableRunnable), not " + action);
        }
        Runnable serializable = action;
        return SharedBarrier.create(parties, serializable::run, timeout);
    }

    @Override
    public <T> Queue<T> queue(int maxsize, int maxItemBytes) {
        return SharedQueue.create(maxsize, maxItemBytes);
    }

    @Override
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return SharedJoinableQueue.create(maxsize, ReadLimits.defaults().maxBytes());
    }

    @Override
    public <T> JoinableQueue<T> lifoQueue(int maxsize) {
        throw threadsOnly("LifoQueue");
    }

    @Override
    public <T> JoinableQueue<T> priorityQueue(int maxsize, Comparator<? super T> order) {
        throw threadsOnly("PriorityQueue");
    }

    /** Python's multiprocessing has FIFO queues only; LIFO and priority order are the queue module's, for threads. */
    private static UnsupportedOperationException threadsOnly(String kind) {
        return new UnsupportedOperationException("a " + kind + " is for the threads of one process (Python's queue."
                + kind + "; multiprocessing has none): make it with Context.threads(), or use ctx.queue() between processes");
    }

    @Override
    public <T> SimpleQueue<T> simpleQueue() {
        return SharedSimpleQueue.create();
    }

    @Override
    public <T> Value<T> value(TypeCode<T> code, T initial, Lock lock) {
        return SharedValue.create(code, initial, lock);
    }

    @Override
    public <T> Array<T> array(TypeCode<T> code, int length, Lock lock) {
        return SharedArray.create(code, length, lock);
    }

    @Override
    public SharedMemory sharedMemory(long size) {
        return SharedMemoryBlock.create(size);
    }

    @Override
    public Manager manager() {
        return RemoteManager.start(startMethod);
    }
}
